/**
 * The PC web console at {@code /console} (README "Console"): a Vue 3 single-page app served as static files
 * from the jar, with Vue, ECharts and Leaflet from their WebJars, speaking only the public API. Owns no table
 * and no Redis key; its one endpoint tells the console its settings (the map's tile URL).
 */

package cn.doorstep.console;
