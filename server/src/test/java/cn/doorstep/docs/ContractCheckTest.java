package cn.doorstep.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.doorstep.support.ContractCheck;
import cn.doorstep.support.IntegrationTest;
import cn.doorstep.support.TestRegions;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The suite's reply check bites: a field named differently in the code than in the spec fails it.
 * The code is the real one; the spec is a copy tampered with the way a rename would leave it.
 */
@IntegrationTest
class ContractCheckTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestRegions regions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReplyMatchingTheCheckedInSpecPasses() {
        MvcResult grids = gridsOfACommunity();

        assertThat(ContractCheck.check(grids).getMessages()).isEmpty();
    }

    @Test
    void aFieldRenamedInTheCodeButNotInTheSpecFailsTheCheck() throws Exception {
        MvcResult grids = gridsOfACommunity();
        // the spec still says communityNo where the code now says communityId
        ObjectNode spec = (ObjectNode) JSON.readTree(ContractCheck.specText());
        ObjectNode properties = (ObjectNode) spec.at("/components/schemas/GridView/properties");
        properties.set("communityNo", properties.remove("communityId"));

        ValidationReport report = check(ContractCheck.validatorFor(JSON.writeValueAsString(spec)), grids);

        assertThat(report.hasErrors()).isTrue();
        assertThat(report.getMessages()).anySatisfy(message -> assertThat(message.getMessage()).contains("communityId"));
    }

    @Test
    void aFieldRetypedInTheCodeButNotInTheSpecFailsTheCheck() throws Exception {
        MvcResult grids = gridsOfACommunity();
        ObjectNode spec = (ObjectNode) JSON.readTree(ContractCheck.specText());
        ((ObjectNode) spec.at("/components/schemas/GridView/properties/name")).put("type", "integer");

        ValidationReport report = check(ContractCheck.validatorFor(JSON.writeValueAsString(spec)), grids);

        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void theSuitesMockMvcRunsTheCheckOnEveryReply() throws Exception {
        MvcResult grids = gridsOfACommunity();
        ObjectNode spec = (ObjectNode) JSON.readTree(ContractCheck.specText());
        ((ObjectNode) spec.at("/components/schemas/GridView/properties/name")).put("type", "integer");
        var tampered = ContractCheck.validatorFor(JSON.writeValueAsString(spec));

        assertThatThrownBy(() -> ContractCheck.replyMatches(tampered).match(grids))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/v1/communities/")
                .hasMessageContaining("does not match");
    }

    private MvcResult gridsOfACommunity() {
        long community = regions.community();
        jdbc.update("insert into grid (community_id, name) values (?, ?)", community, "第1网格");
        var result = mvc.get().uri("/api/v1/communities/" + community + "/grids").exchange();
        assertThat(result).hasStatusOk();
        return result.getMvcResult();
    }

    private static ValidationReport check(OpenApiInteractionValidator validator, MvcResult result) {
        return ContractCheck.check(validator, result);
    }
}
