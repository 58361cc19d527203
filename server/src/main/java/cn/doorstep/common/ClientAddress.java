package cn.doorstep.common;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who is calling, for per-client limits. The address is Tomcat's remote address: the socket's peer, or
 * the {@code X-Forwarded-For} client when the peer is a trusted proxy
 * ({@code server.tomcat.remoteip.internal-proxies}, loopback unless configured). An IPv6 client is
 * keyed by its /64, the block one subscriber gets: otherwise it could walk through addresses.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return key(request.getRemoteAddr());
    }

    /** The limit key of an address: IPv4 as it is, IPv6 as its /64 prefix ({@code 2001:db8:1:2::/64}). */
    public static String key(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            var sb = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                sb.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return sb.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address; // not an address literal: key it as it came
        }
    }
}
