"""Row level security and triggers, attached as DDL listeners so create_all() sets them up."""

from sqlalchemy import DDL, event

from .models import Profile, Project

event.listen(
    Profile.__table__,
    "after_create",
    DDL(
        """
        ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;
        CREATE POLICY "Users can view own profile" ON profiles
          FOR SELECT USING (id = current_setting('app.user_id')::uuid);
        CREATE POLICY "Users can update own profile" ON profiles
          FOR UPDATE USING (id = current_setting('app.user_id')::uuid);
        CREATE POLICY "Users can insert own profile" ON profiles
          FOR INSERT WITH CHECK (id = current_setting('app.user_id')::uuid);
        """
    ),
)

event.listen(
    Project.__table__,
    "after_create",
    DDL(
        "CREATE OR REPLACE FUNCTION handle_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN NEW.updated_at = now(); RETURN NEW; END; $$; "
        "CREATE TRIGGER projects_updated_at BEFORE UPDATE ON projects "
        "FOR EACH ROW EXECUTE FUNCTION handle_updated_at();"
    ),
)


@event.listens_for(Project.__table__, "after_create")
def _projects_rls(target, connection, **kw):
    connection.execute(DDL("ALTER TABLE projects ENABLE ROW LEVEL SECURITY"))
