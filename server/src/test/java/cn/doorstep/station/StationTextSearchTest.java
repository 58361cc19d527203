package cn.doorstep.station;

import static org.assertj.core.api.Assertions.assertThat;

import cn.doorstep.support.Http;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestPlaces;
import cn.doorstep.support.TestRegions;
import cn.doorstep.support.TestStations;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Finding a station of one's community by a piece of its name or address. */
@IntegrationTest
class StationTextSearchTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestStations stations;
    @Autowired
    TestRegions regions;

    long community;
    StationDetail library;
    StationDetail postOffice;

    @BeforeEach
    void setUp() {
        community = regions.community();
        var place = TestPlaces.next();
        library = stations.at(community, place.lat(), place.lng()).named("图书馆暖新驿站").kinds(StationKind.WARM).create();
        postOffice = stations.at(community, place.lat() + 0.001, place.lng()).named("邮政100%服务站")
                .kinds(StationKind.SERVICE).create();
        stations.at(regions.community(), place.lat(), place.lng()).named("图书馆暖新驿站").create(); // another community
    }

    @Test
    void findsByNameWithinTheCommunityOnly() {
        assertThat(search("图书馆", null)).containsExactly(library.id());
    }

    @Test
    void findsByAddress() {
        assertThat(search("邮政100%服务站门口", null)).containsExactly(postOffice.id()); // TestStations: name + 门口
    }

    @Test
    void treatsLikeWildcardsAsPlainText() {
        assertThat(search("%", null)).containsExactly(postOffice.id());
        assertThat(search("_", null)).isEmpty();
    }

    @Test
    void filtersByKind() {
        assertThat(search("站", "SERVICE")).containsExactly(postOffice.id());
    }

    @Test
    void needsAQuery() {
        assertThat(mvc.get().uri("/api/v1/stations/search?communityId=" + community))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.data.errors[0].field").isEqualTo("q");
    }

    private List<Long> search(String q, String kind) {
        var request = mvc.get().uri("/api/v1/stations/search").param("communityId", String.valueOf(community)).param("q", q);
        if (kind != null) {
            request = request.param("kind", kind);
        }
        List<Number> ids = Http.read(request.exchange(), "$.data.items[*].id");
        return ids.stream().map(Number::longValue).toList();
    }
}
