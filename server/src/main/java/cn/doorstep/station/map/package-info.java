/**
 * The map search: the Redis GEO index ({@code station:{map}:geo:<kind>}), compact filter facets
 * ({@code station:{map}:facets}), row versions ({@code station:{map}:versions}), their rebuild from MySQL
 * (into {@code <key>:next}, swapped in by RENAME: one hash tag, one Redis Cluster slot), and the
 * queries that read them (with the SQL scan as the fallback while the index is not ready).
 */
package cn.doorstep.station.map;
