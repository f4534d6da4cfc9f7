import SchemaModel
import CLibPQ
public enum PostgresCatalogPlaceholder {}
