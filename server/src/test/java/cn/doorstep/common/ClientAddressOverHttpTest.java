package cn.doorstep.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.ServerTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The address limits count against: {@code X-Forwarded-For}'s client when the request comes through a
 * trusted proxy (loopback 127.0.0.1 by default), the socket's peer otherwise — a client cannot pick
 * its own address by sending the header.
 */
@ServerTest
class ClientAddressOverHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void theForwardedClientCountsWhenTheProxyIsTrusted() throws IOException {
        String status = get("127.0.0.1", "203.0.113.41");

        assertThat(status).startsWith("HTTP/1.1 200");
        assertThat(redis.hasKey("rate:{map}:203.0.113.41")).isTrue();
    }

    @Test
    void aClientSendingTheHeaderItselfIsCountedByItsOwnAddress() throws IOException {
        redis.delete("rate:{map}:127.0.0.2");
        String status = get("127.0.0.2", "203.0.113.42"); // 127.0.0.2 is not a configured proxy

        assertThat(status).startsWith("HTTP/1.1 200");
        assertThat(redis.hasKey("rate:{map}:203.0.113.42")).isFalse();
        assertThat(redis.hasKey("rate:{map}:127.0.0.2")).isTrue();
    }

    @Test
    void anIpv6ClientIsCountedByItsSlashSixtyFour() throws IOException {
        get("127.0.0.1", "2001:db8:7:8:1:2:3:4");

        assertThat(redis.hasKey("rate:{map}:2001:db8:7:8::/64")).isTrue();
    }

    /** A map search sent from {@code localAddress} (any 127.x address is this machine). */
    private String get(String localAddress, String forwardedFor) throws IOException {
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/stations/nearby?lat=30.5&lng=100.5&radius=10 HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Forwarded-For: " + forwardedFor + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return reply.substring(0, reply.indexOf("\r\n"));
        }
    }
}
