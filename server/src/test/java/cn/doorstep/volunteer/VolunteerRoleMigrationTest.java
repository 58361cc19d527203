package cn.doorstep.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.common.Role;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestUsers;
import cn.doorstep.support.TestUsers.SignedIn;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * V17 makes VOLUNTEER a community's role: the grants made before it (scope 0) take the holder's
 * community. The tests' schema starts empty, so the migration is run again here over such grants.
 */
@IntegrationTest
class VolunteerRoleMigrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestUsers users;
    @Autowired
    TestRegions regions;

    @Test
    void aVolunteerGrantOfBeforeTakesTheHoldersCommunityAndOneWithoutACommunityStays() {
        long community = regions.community();
        SignedIn member = users.resident();
        jdbc.update("update app_user set community_id = ? where id = ?", community, member.id());
        SignedIn homeless = users.resident();
        SignedIn scoped = users.with(Role.VOLUNTEER, regions.community());
        for (SignedIn who : List.of(member, homeless)) {
            jdbc.update("insert into user_role (user_id, role, scope_id, created_at) values (?, 'VOLUNTEER', 0, utc_timestamp(3))",
                    who.id());
        }
        long scopedCommunity = scopeOf(scoped);

        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V17__volunteer_role_per_community.sql"))
                .execute(dataSource);

        assertThat(scopeOf(member)).isEqualTo(community);
        assertThat(scopeOf(homeless)).as("no community to give it").isZero();
        assertThat(scopeOf(scoped)).as("already scoped: untouched").isEqualTo(scopedCommunity);
    }

    private long scopeOf(SignedIn who) {
        return jdbc.queryForObject("select scope_id from user_role where user_id = ? and role = 'VOLUNTEER'", Long.class,
                who.id());
    }
}
