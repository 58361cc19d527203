/**
 * Stations — party-and-people service stations and warm stations for riders — their opening hours,
 * live status, the holiday calendar, and the map search. Owns tables {@code station},
 * {@code station_hours_exception}, {@code public_holiday}. Redis keys: {@code station:geo:{kind}}
 * (GEO index), {@code station:facets} (compact filter data per station), {@code station:{id}}
 * (cached detail), {@code station:holidays}, {@code station:geo:ready} / {@code station:geo:rebuilding}.
 * MySQL is the record; every Redis key here is rebuilt from it.
 */
package cn.doorstep.station;
