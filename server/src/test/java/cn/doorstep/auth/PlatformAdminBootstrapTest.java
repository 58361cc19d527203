package cn.doorstep.auth;

import static cn.doorstep.support.Http.from;
import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.Parallel;
import cn.doorstep.support.TestServers;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.WeChatStubs;
import cn.doorstep.user.UserService;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A fresh deployment's first platform admin comes from DOORSTEP_BOOTSTRAP_PLATFORM_ADMIN_OPENID: that WeChat
 * user becomes PLATFORM at their next login (or at start-up if they signed in before), once, and only while
 * no platform admin exists. Each test starts as a fresh deployment: every platform admin revoked first (the
 * suite's other platform admins belong to finished tests).
 */
@IntegrationTest
@TestPropertySource(properties = "doorstep.auth.bootstrap-platform-admin-openid=" + PlatformAdminBootstrapTest.OPENID)
@ExtendWith(OutputCaptureExtension.class)
class PlatformAdminBootstrapTest {

    static final String OPENID = "o-operator-named-this-one";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RoleService roles;
    @Autowired
    UserService users;
    @Autowired
    TestUsers testUsers;
    @Autowired
    PlatformAdminBootstrap bootstrap;
    @Autowired
    LoginService loginService;

    final WeChatStubs weChat = WeChatStubs.of(TestServers.get());
    final String ip = "10.2." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);

    @BeforeEach
    void aFreshDeploymentWithoutPlatformAdmins() {
        weChat.reset();
        weChat.accessToken();
        jdbc.queryForList("select user_id from user_role where role = 'PLATFORM'", Long.class)
                .forEach(id -> roles.revoke(id, Role.PLATFORM, 0));
    }

    @Test
    void theNamedWeChatUserBecomesPlatformAdminAtTheirNextLoginOnceAndTheLogNeverNamesTheOpenid(CapturedOutput output) {
        MvcTestResult someoneElse = login("o-" + UUID.randomUUID());
        assertThat(someoneElse).bodyJson().extractingPath("$.data.roles[*].role").asArray().doesNotContain("PLATFORM");
        int audited = bootstrapAudits();

        MvcTestResult first = login(OPENID);

        assertThat(first).hasStatusOk().bodyJson().extractingPath("$.data.roles[*].role").asArray().contains("PLATFORM");
        long userId = ((Number) Http.read(first, "$.data.user.id")).longValue();
        assertThat(platformAdmins()).containsExactly(userId);
        assertThat(bootstrapAudits()).isEqualTo(audited + 1);
        // a user in no community: only a platform admin sees them
        Integer otherId = Http.read(someoneElse, "$.data.user.id");
        assertThat(mvc.get().uri("/api/v1/admin/users/{id}/roles", otherId)
                .header("Authorization", "Bearer " + Http.read(first, "$.data.token"))).hasStatusOk();

        assertThat(login(OPENID)).bodyJson().extractingPath("$.data.roles[*].role").asArray().contains("PLATFORM");
        assertThat(bootstrapAudits()).isEqualTo(audited + 1);
        assertThat(output.getAll()).contains("granted PLATFORM to user " + userId).doesNotContain(OPENID);
    }

    @Test
    void theSettingDoesNothingOnceAnyPlatformAdminExists() {
        long existing = testUsers.with(Role.PLATFORM).id();
        int audited = bootstrapAudits();

        assertThat(login(OPENID)).hasStatusOk().bodyJson().extractingPath("$.data.roles[*].role").asArray()
                .doesNotContain("PLATFORM");

        assertThat(platformAdmins()).containsExactly(existing);
        assertThat(bootstrapAudits()).isEqualTo(audited);
    }

    @Test
    void atStartUpTheNamedUserWhoSignedInBeforeBecomesPlatformAdmin() {
        long userId = users.findOrCreateByOpenid(OPENID, null).user().id();
        int audited = bootstrapAudits();

        bootstrap.atStartUp(); // what ApplicationReadyEvent runs

        assertThat(platformAdmins()).containsExactly(userId);
        assertThat(bootstrapAudits()).isEqualTo(audited + 1);
        assertThat(roles.grantsOf(userId)).anyMatch(g -> g.role() == Role.PLATFORM);
    }

    @Test
    void manyLoginsOfTheNamedUserAtOnceMakeOnePlatformAdminAndOneAuditRow() {
        int logins = 16;
        for (int i = 0; i < logins; i++) {
            weChat.codeToSession("bootstrap-race-" + i, OPENID, null, "k" + i);
        }
        int audited = bootstrapAudits();

        // each login from its own client address, so the per-IP limit stays out of it
        List<LoginReply> replies = Parallel.run(logins, 8, i -> loginService.wxLogin("bootstrap-race-" + i, "10.78.0." + i));

        assertThat(platformAdmins()).hasSize(1);
        assertThat(bootstrapAudits()).isEqualTo(audited + 1);
        assertThat(replies).allSatisfy(reply -> assertThat(reply.roles()).anyMatch(g -> g.role() == Role.PLATFORM));
    }

    private List<Long> platformAdmins() {
        return jdbc.queryForList("select user_id from user_role where role = 'PLATFORM'", Long.class);
    }

    private int bootstrapAudits() {
        return jdbc.queryForObject("select count(*) from audit_log where action = 'role.bootstrap-platform'", Integer.class);
    }

    private MvcTestResult login(String openid) {
        String code = "code-" + UUID.randomUUID();
        weChat.codeToSession(code, openid, null, "session-key");
        return mvc.post().uri("/api/v1/auth/wx-login").with(from(ip))
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}").exchange();
    }
}
