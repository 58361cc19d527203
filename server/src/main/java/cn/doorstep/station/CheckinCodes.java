package cn.doorstep.station;

import cn.doorstep.station.StationDirectory.StationRef;
import cn.doorstep.station.internal.Station;
import cn.doorstep.station.internal.StationMapper;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The code a rider scans to check in at a warm station. It changes every {@code window} (default ten
 * minutes): staff show the current one on their phone, so a photo of it is useless by the next day,
 * or the next quarter of an hour. A code is {@code stationId.window.mac}, the mac being an HMAC of the
 * station id and the window under the station's own secret (kept in MySQL, never shown): no lookup
 * table, and one station's codes say nothing about another's. The window before and after the current
 * one are accepted too, for a scan at the turn of a window and for clocks a little apart.
 */
@Service
public class CheckinCodes {

    private static final int MAC_BYTES = 9; // 72 bits: 12 base64url characters

    private final StationMapper stations;
    private final Clock clock;
    private final long windowSeconds;

    CheckinCodes(StationMapper stations, Clock clock,
                 @Value("${doorstep.station.checkin-code-window:PT10M}") Duration window) {
        this.stations = stations;
        this.clock = clock;
        this.windowSeconds = window.toSeconds();
    }

    /** The code to show now, and until when it is accepted. */
    public record ShownCode(String code, Instant refreshAt, Instant validUntil) {
    }

    /** What a scanned code turned out to be. */
    public sealed interface Scan {
        /** A current code of an active station. */
        record Valid(StationRef station) implements Scan {
        }

        /** A genuine code of this station from an earlier window. */
        record Expired(StationRef station) implements Scan {
        }

        /** Not a code of any active station. */
        record Unknown() implements Scan {
        }
    }

    ShownCode current(Station station) {
        long window = windowAt(clock.instant());
        return new ShownCode(code(station, window), Instant.ofEpochSecond((window + 1) * windowSeconds),
                Instant.ofEpochSecond((window + 2) * windowSeconds));
    }

    /** Checks a scanned code: its station, its mac, and its window. */
    public Scan scan(String scanned) {
        String[] parts = scanned.strip().split("\\.", -1);
        if (parts.length != 3) {
            return new Scan.Unknown();
        }
        long stationId;
        long window;
        try {
            stationId = Long.parseLong(parts[0]);
            window = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return new Scan.Unknown();
        }
        Station station = stations.selectById(stationId);
        if (station == null || !Station.ACTIVE.equals(station.getStatus())
                || !MessageDigest.isEqual(mac(station, window).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return new Scan.Unknown();
        }
        StationRef ref = StationDirectory.ref(station);
        long now = windowAt(clock.instant());
        return Math.abs(now - window) <= 1 ? new Scan.Valid(ref) : new Scan.Expired(ref);
    }

    private long windowAt(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), windowSeconds);
    }

    private static String code(Station station, long window) {
        return station.getId() + "." + window + "." + mac(station, window);
    }

    private static String mac(Station station, long window) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(station.getCheckinCode().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] full = hmac.doFinal((station.getId() + "." + window).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, MAC_BYTES));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
