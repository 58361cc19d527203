package cn.doorstep.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inbox's text of a notice: its kind's sentence, or a generic one that still carries the facts. */
class InboxTextsTest {

    @Test
    void aKindWithoutItsOwnTextReadsAsAGenericNoticeWithItsFieldValues() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thing1", "江南社区");
        fields.put("phrase2", "已通过");
        fields.put("thing3", " ");

        var text = InboxTexts.render((InboxTexts.Text) null, fields); // as a kind added later without a sentence

        assertThat(text.title()).isEqualTo("您有一条新通知");
        assertThat(text.body()).isEqualTo("江南社区；已通过");
    }

    @Test
    void aKindsSentenceIsFilledWithItsFields() {
        var text = InboxTexts.render(NotificationKind.RIDER_REJECTED, Map.of("thing1", "江南社区", "thing2", "照片不清晰"));

        assertThat(text.title()).isEqualTo("骑手登记未通过");
        assertThat(text.body()).isEqualTo("您在江南社区的骑手登记未通过审核：照片不清晰。可修改后重新提交。");
    }

    @Test
    void aMissingFieldFallsBackToTheGenericBodyListingWhatThereIs() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thing1", "义务理发");
        fields.put("time2", "2026-12-05 10:00"); // no time3: the deadline the sentence needs

        var text = InboxTexts.render(NotificationKind.WAITLIST_OFFER, fields);

        assertThat(text.title()).isEqualTo("候补有空位了");
        assertThat(text.body()).isEqualTo("义务理发；2026-12-05 10:00");
    }

    @Test
    void aLongTextIsCutToWhatTheInboxKeeps() {
        var text = InboxTexts.render(NotificationKind.WISH_CLAIMED, Map.of("thing1", "修".repeat(600), "thing2", "已认领"));

        assertThat(text.body().codePointCount(0, text.body().length())).isEqualTo(InboxTexts.BODY_MAX);
        assertThat(text.body()).endsWith("…");
    }

    @Test
    void placeholdersInAValueAreNotFilledAgain() {
        var text = InboxTexts.render(NotificationKind.WISH_CLAIMED, Map.of("thing1", "{thing2}$1", "thing2", "已认领"));

        assertThat(text.body()).isEqualTo("「{thing2}$1」：已认领");
    }
}
