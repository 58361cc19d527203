package cn.doorstep.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Per-client limits key IPv4 by address and IPv6 by the /64 a subscriber gets. */
class ClientAddressTest {

    @Test
    void keysIpv4AsItIs() {
        assertThat(ClientAddress.key("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void keysEveryAddressOfOneIpv6SlashSixtyFourTogether() {
        assertThat(ClientAddress.key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(ClientAddress.key("2001:0db8:0001:0002::1"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.key("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.key("2001:db8:1:2::1"));
    }
}
