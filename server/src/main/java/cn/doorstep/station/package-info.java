/**
 * Stations — party-and-people service stations and warm stations for riders — their opening hours,
 * live status, the holiday calendar, and the map search. Owns tables {@code station},
 * {@code station_hours_exception}, {@code public_holiday}. Redis keys, all with the hash tag {@code {map}}
 * (literal braces: one Redis Cluster slot for the whole map, see {@code internal.StationKeys}):
 * {@code station:{map}:geo:WARM} / {@code :SERVICE} (GEO index), {@code station:{map}:facets} (compact
 * filter data per station), {@code station:{map}:cards} (map items), {@code station:{map}:versions} (row
 * versions), {@code station:{map}:detail:<id>} (cached detail), {@code station:{map}:holidays},
 * {@code station:{map}:geo:ready} / {@code station:{map}:geo:rebuilding}, a rebuild's {@code <key>:next},
 * and the map search's rate limit {@code rate:{map}:<client>}. MySQL is the record; every Redis key here
 * is rebuilt from it.
 */
package cn.doorstep.station;
