/**
 * The map search: the Redis GEO index ({@code station:geo:{kind}}), compact filter facets
 * ({@code station:facets}), row versions ({@code station:versions}), their rebuild from MySQL, and the
 * queries that read them (with the SQL scan as the fallback while the index is not ready).
 */
package cn.doorstep.station.map;
