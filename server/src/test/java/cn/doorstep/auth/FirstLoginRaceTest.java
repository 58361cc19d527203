package cn.doorstep.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.WeChatStubs;
import cn.doorstep.support.Parallel;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Many first logins of one WeChat user at once (a double-tapped button, two devices): one user row. */
@IntegrationTest
class FirstLoginRaceTest {

    @Autowired
    LoginService logins;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createsExactlyOneUserWhenManyFirstLoginsRace() {
        var weChat = WeChatStubs.of(TestServers.get());
        weChat.reset();
        weChat.accessToken();
        String openid = "o-race-" + UUID.randomUUID();
        int logins = 24;
        for (int i = 0; i < logins; i++) {
            weChat.codeToSession("race-" + i, openid, null, "k" + i);
        }

        // each login from its own client address, so the per-IP limit stays out of it
        List<Long> ids = Parallel.run(logins, 12, i -> this.logins.wxLogin("race-" + i, "10.77.0." + i).user().id());

        assertThat(ids).hasSize(logins).containsOnly(ids.get(0));
        assertThat(jdbc.queryForObject("select count(*) from app_user where openid = ?", Integer.class, openid))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from user_role where user_id = ?", Integer.class, ids.get(0)))
                .isEqualTo(1);
    }
}
