package cn.doorstep.community;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestRegions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The organisation chain for the pickers: public, read from what the tables hold. */
@IntegrationTest
class CommunityTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestRegions regions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCommunitysGridsAreListedForTheGridPickerWithoutAnotherCommunitysAndWithoutSigningIn() {
        long community = regions.community();
        long other = regions.community();
        long second = grid(community, "第2网格");
        long first = grid(community, "第1网格");
        grid(other, "别处网格");

        MvcTestResult grids = mvc.get().uri("/api/v1/communities/" + community + "/grids").exchange();

        assertThat(grids).hasStatusOk();
        assertThat(Http.<List<Number>>read(grids, "$.data[*].id")).extracting(Number::longValue)
                .containsExactly(second, first); // as the tables hold them, by id
        assertThat(Http.<List<String>>read(grids, "$.data[*].name")).containsExactly("第2网格", "第1网格");
        assertThat(Http.<List<Number>>read(grids, "$.data[*].communityId")).extracting(Number::longValue)
                .containsOnly(community);
    }

    @Test
    void theGridsOfAnUnknownCommunityAreNotFound() {
        assertThat(mvc.get().uri("/api/v1/communities/987654321/grids")).hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson().extractingPath("$.code").isEqualTo(13001);
    }

    private long grid(long communityId, String name) {
        jdbc.update("insert into grid (community_id, name) values (?, ?)", communityId, name);
        return jdbc.queryForObject("select id from grid where community_id = ? and name = ?", Long.class, communityId, name);
    }
}
