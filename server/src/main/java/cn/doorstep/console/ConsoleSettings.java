package cn.doorstep.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code doorstep.console.*}. {@code tile-url}: the coverage map's background tiles, a Leaflet URL template
 * such as {@code https://tiles.example.cn/{z}/{x}/{y}.png} (GCJ-02 tiles, like the stored coordinates);
 * empty (the default) draws no background, so nothing is fetched from a third party unless an operator
 * chooses to. {@code tile-attribution}: the credit line the tile provider asks for.
 */
@ConfigurationProperties("doorstep.console")
public record ConsoleSettings(String tileUrl, String tileAttribution) {

    public ConsoleSettings {
        tileUrl = tileUrl == null ? "" : tileUrl;
        tileAttribution = tileAttribution == null ? "" : tileAttribution;
    }
}
