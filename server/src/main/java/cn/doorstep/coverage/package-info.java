/**
 * The 15-minute service circle (15分钟红色便民服务圈): the share of grids (weighted by households) within walking
 * distance of a service station that is open at a moment, per community, street, district or the city, with the
 * gaps. Reads grids' places from the community module and stations (hours, the map's GEO index) from the
 * station module; owns no table and no Redis key.
 */
package cn.doorstep.coverage;
