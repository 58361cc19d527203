package cn.doorstep.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.doorstep.auth.internal.UserRole;
import cn.doorstep.auth.internal.UserRoleMapper;
import cn.doorstep.common.Role;
import cn.doorstep.common.RoleGrant;
import cn.doorstep.common.VersionedCopies;
import cn.doorstep.community.CommunityService;
import cn.doorstep.support.TestServers;
import io.lettuce.core.RedisURI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The roles cache cannot bring back a revoked role. "MySQL" here is a table in memory behind the
 * mapper, so the test decides exactly when a reader loads and when a revoke commits; Redis is the real one.
 */
class RoleCacheRaceTest {

    static LettuceConnectionFactory connections;
    static StringRedisTemplate redis;

    final ExecutorService reader = Executors.newSingleThreadExecutor();
    final long userId = 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
    final AtomicReference<List<UserRole>> committed = new AtomicReference<>(List.of(row(Role.RESIDENT, 0), row(Role.ADMIN, 7)));
    final UserRoleMapper mapper = mock(UserRoleMapper.class);
    RoleService roles;

    @BeforeAll
    static void connect() {
        if (TestServers.get().redisCluster()) {
            connections = new LettuceConnectionFactory(new RedisClusterConfiguration(TestServers.get().redisClusterNodes()));
        } else {
            RedisURI uri = RedisURI.create(TestServers.get().redisUrl());
            var config = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
            config.setDatabase(uri.getDatabase());
            if (uri.getPassword() != null) {
                config.setPassword(uri.getPassword());
            }
            connections = new LettuceConnectionFactory(config);
        }
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @BeforeEach
    void setUp() {
        when(mapper.selectByUser(userId)).thenAnswer(call -> committed.get());
        roles = new RoleService(mapper, mock(CommunityService.class), new VersionedCopies(redis));
    }

    @AfterEach
    void tearDown() {
        reader.shutdownNow();
        redis.delete(List.of(cacheKey(), "auth:{" + userId + "}:roles:ver"));
    }

    @Test
    void anUndisturbedReaderCachesTheGrants() {
        assertThat(roles.grantsOf(userId)).containsExactlyInAnyOrder(new RoleGrant(Role.RESIDENT, 0), new RoleGrant(Role.ADMIN, 7));

        assertThat(redis.opsForValue().get(cacheKey())).isEqualTo("ADMIN:7,RESIDENT:0");
    }

    @Test
    void aReaderThatLoadedBeforeARevokeCannotCacheWhatItLoadedAfterIt() throws Exception {
        var loaded = new CountDownLatch(1);
        var goOn = new CountDownLatch(1);
        var firstRead = new AtomicBoolean(true);
        when(mapper.selectByUser(userId)).thenAnswer(call -> {
            List<UserRole> rows = committed.get();
            if (firstRead.getAndSet(false)) { // the slow reader: holds what it loaded until told to go on
                loaded.countDown();
                assertThat(goOn.await(10, TimeUnit.SECONDS)).isTrue();
            }
            return rows;
        });
        when(mapper.deleteGrant(userId, Role.ADMIN, 7)).thenAnswer(call -> {
            committed.set(List.of(row(Role.RESIDENT, 0)));
            return 1;
        });

        var slow = reader.submit(() -> roles.grantsOf(userId));
        assertThat(loaded.await(10, TimeUnit.SECONDS)).isTrue(); // it holds ADMIN, read before the revoke
        roles.revoke(userId, Role.ADMIN, 7); // no transaction here: committed, and the copy dropped, at once
        goOn.countDown();

        assertThat(slow.get(10, TimeUnit.SECONDS)).contains(new RoleGrant(Role.ADMIN, 7)); // its own answer is stale
        assertThat(redis.opsForValue().get(cacheKey())).isNull(); // but it did not cache it
        assertThat(roles.grantsOf(userId)).containsExactly(new RoleGrant(Role.RESIDENT, 0));
        assertThat(redis.opsForValue().get(cacheKey())).isEqualTo("RESIDENT:0");
    }

    @Test
    void whatAReaderCachedWhileARevokeWasUncommittedIsDroppedWhenItCommits() throws Exception {
        when(mapper.deleteGrant(userId, Role.ADMIN, 7)).thenReturn(1); // deleted, not yet committed
        TransactionSynchronizationManager.initSynchronization();
        try {
            roles.revoke(userId, Role.ADMIN, 7);
            // outside the transaction, a reader still sees the committed ADMIN row and caches it
            assertThat(reader.submit(() -> roles.grantsOf(userId)).get(10, TimeUnit.SECONDS))
                    .contains(new RoleGrant(Role.ADMIN, 7));
            assertThat(redis.opsForValue().get(cacheKey())).contains("ADMIN:7");

            committed.set(List.of(row(Role.RESIDENT, 0))); // commit
            for (TransactionSynchronization sync : TransactionSynchronizationManager.getSynchronizations()) {
                sync.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
            }
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }

        assertThat(redis.opsForValue().get(cacheKey())).isNull();
        assertThat(roles.grantsOf(userId)).isEqualTo(Set.of(new RoleGrant(Role.RESIDENT, 0)));
    }

    @Test
    void theSessionLookupReadsTheCachedGrantsInItsOwnCallAndARevokeStillReachesTheNextRequest() {
        var tokens = new TokenService(redis, new AuthProperties(Duration.ofDays(7), Duration.ofDays(30), 20), Clock.systemUTC());
        String token = tokens.issue(userId);
        when(mapper.deleteGrant(userId, Role.ADMIN, 7)).thenAnswer(call -> {
            committed.set(List.of(row(Role.RESIDENT, 0)));
            return 1;
        });
        try {
            var first = tokens.resolve(token).orElseThrow();
            assertThat(first.cachedRoles()).isNull(); // nothing cached yet: MySQL answers, and is cached
            assertThat(roles.grantsFrom(first.userId(), first.cachedRoles(), first.rolesVersion()))
                    .containsExactlyInAnyOrder(new RoleGrant(Role.RESIDENT, 0), new RoleGrant(Role.ADMIN, 7));

            var second = tokens.resolve(token).orElseThrow();
            assertThat(second.cachedRoles()).isEqualTo("ADMIN:7,RESIDENT:0"); // read with the session
            assertThat(roles.grantsFrom(second.userId(), second.cachedRoles(), second.rolesVersion()))
                    .containsExactlyInAnyOrder(new RoleGrant(Role.RESIDENT, 0), new RoleGrant(Role.ADMIN, 7));
            verify(mapper, times(1)).selectByUser(userId);

            roles.revoke(userId, Role.ADMIN, 7);
            var third = tokens.resolve(token).orElseThrow();
            assertThat(third.cachedRoles()).isNull();
            assertThat(third.rolesVersion()).isNotNull(); // the revoke's version: what a reader may cache under
            assertThat(roles.grantsFrom(third.userId(), third.cachedRoles(), third.rolesVersion()))
                    .containsExactly(new RoleGrant(Role.RESIDENT, 0));
            assertThat(redis.opsForValue().get(cacheKey())).isEqualTo("RESIDENT:0");
        } finally {
            tokens.revokeAll(userId);
        }
    }

    private String cacheKey() {
        return "auth:{" + userId + "}:roles:2";
    }

    private UserRole row(Role role, long scopeId) {
        var row = new UserRole();
        row.setUserId(userId);
        row.setRole(role);
        row.setScopeId(scopeId);
        return row;
    }
}
