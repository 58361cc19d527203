package cn.doorstep.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each subscribe-message value fits WeChat's rule for its field type, read from the key's prefix. */
class SubscribeFieldsTest {

    @Test
    void aThingKeepsTwentyCharactersTheLastAnEllipsis() {
        assertThat(SubscribeFields.fit("thing1", "帮忙修楼道的灯（三单元二楼）真的很暗晚上看不见"))
                .isEqualTo("帮忙修楼道的灯（三单元二楼）真的很暗晚…").hasSize(20);
        assertThat(SubscribeFields.fit("thing12", "修楼道灯")).isEqualTo("修楼道灯");
        assertThat(SubscribeFields.fit("thing1", "一二三四五六七八九十一二三四五六七八九十")).as("exactly 20: kept whole")
                .isEqualTo("一二三四五六七八九十一二三四五六七八九十");
    }

    @Test
    void aPhraseKeepsFiveChineseCharactersAndNothingElse() {
        assertThat(SubscribeFields.fit("phrase3", "待领取（7天内）请尽快")).isEqualTo("待领取天内");
        assertThat(SubscribeFields.fit("phrase3", "配送中")).isEqualTo("配送中");
    }

    @Test
    void aNameKeepsTenChineseCharactersOrTwentyLetters() {
        assertThat(SubscribeFields.fit("name2", "欧阳一二三四五六七八九十")).isEqualTo("欧阳一二三四五六七八");
        assertThat(SubscribeFields.fit("name2", "Alexander Christopher Smith")).isEqualTo("Alexander Christophe");
        assertThat(SubscribeFields.fit("name2", "Li 小明同学的名字特别特别长")).as("mixed counts as Chinese")
                .isEqualTo("Li 小明同学的名字");
    }

    @Test
    void aNumberKeepsThirtyTwoDigitsAndItsDecimalPoint() {
        assertThat(SubscribeFields.fit("number1", "12.5 分")).isEqualTo("12.5");
        assertThat(SubscribeFields.fit("number1", "1".repeat(40))).isEqualTo("1".repeat(32));
    }

    @Test
    void aLetterKeepsThirtyTwoLetters() {
        assertThat(SubscribeFields.fit("letter4", "ABC-123-def")).isEqualTo("ABCdef");
        assertThat(SubscribeFields.fit("letter4", "a".repeat(40))).isEqualTo("a".repeat(32));
    }

    @Test
    void aSymbolKeepsFive() {
        assertThat(SubscribeFields.fit("symbol5", "★★★★★★★")).isEqualTo("★★★★★");
    }

    @Test
    void aCharacterStringKeepsThirtyTwoDigitsLettersOrSymbolsWithoutAnEllipsis() {
        assertThat(SubscribeFields.fit("character_string3", "JL-000012-000034")).isEqualTo("JL-000012-000034");
        assertThat(SubscribeFields.fit("character_string3", "码AB12")).isEqualTo("AB12");
        assertThat(SubscribeFields.fit("character_string3", "X".repeat(40))).isEqualTo("X".repeat(32));
    }

    @Test
    void aPhoneNumberKeepsSeventeenAndACarNumberEight() {
        assertThat(SubscribeFields.fit("phone_number6", "+86-0432-6688886612345")).isEqualTo("+86-0432-66888866");
        assertThat(SubscribeFields.fit("car_number7", "吉B 12345学挂")).isEqualTo("吉B12345学");
    }

    @Test
    void timesDatesAndAmountsAreFormatsAndPassUnchanged() {
        String longPeriod = "2026年12月5日 10:00~2026年12月5日 11:00";
        assertThat(SubscribeFields.fit("time2", longPeriod)).isEqualTo(longPeriod);
        assertThat(SubscribeFields.fit("date3", "2026-12-05")).isEqualTo("2026-12-05");
        assertThat(SubscribeFields.fit("amount4", "￥12.50元")).isEqualTo("￥12.50元");
    }

    @Test
    void controlCharactersNeverReachWeChatAndNullIsEmpty() {
        assertThat(SubscribeFields.fit("thing1", "第一行\n第二行")).isEqualTo("第一行 第二行");
        assertThat(SubscribeFields.fit("thing1", null)).isEmpty();
    }

    @Test
    void aTypeNewerThanThisCodeGetsThingsRule() {
        assertThat(SubscribeFields.type("character_string12")).isEqualTo("character_string");
        assertThat(SubscribeFields.fit("short_thing1", "一二三四五六七八九十一二三四五六七八九十一")).hasSize(20).endsWith("…");
    }
}
