#ifndef SCHEMA_AUDIT_CLIBPQ_SHIM_H
#define SCHEMA_AUDIT_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
