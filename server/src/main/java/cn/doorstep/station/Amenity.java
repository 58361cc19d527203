package cn.doorstep.station;

/**
 * What a station offers. Extensible: add a constant at the end; stored by name, so nothing in the
 * database changes.
 */
public enum Amenity {
    WATER,
    CHARGING,
    TOILET,
    REST,
    MICROWAVE,
    FIRST_AID,
    UMBRELLA,
    WIFI,
    READING,
    HEATING_AC
}
