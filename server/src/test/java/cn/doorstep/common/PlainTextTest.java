package cn.doorstep.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names, notes and reasons must show what they say. */
class PlainTextTest {

    @Test
    void acceptsOrdinaryTextEmojiAndJoiners() {
        assertThat(PlainTextValidator.isPlain("王师傅", false)).isTrue();
        assertThat(PlainTextValidator.isPlain("暖新驿站 (A-1)", false)).isTrue();
        assertThat(PlainTextValidator.isPlain("👨\u200D👩\u200D👧", false)).isTrue();
    }

    @Test
    void rejectsTextOfOnlySpacesOfAnyKind() {
        assertThat(PlainTextValidator.isPlain("   ", false)).isFalse();
        assertThat(PlainTextValidator.isPlain("\u3000\u00A0\u2003", false)).isFalse();
    }

    @Test
    void rejectsControlAndDirectionCharacters() {
        assertThat(PlainTextValidator.isPlain("名\u0000字", false)).isFalse();
        assertThat(PlainTextValidator.isPlain("名\t字", false)).isFalse();
        assertThat(PlainTextValidator.isPlain("abc\u202Efdp.exe", false)).isFalse();
        assertThat(PlainTextValidator.isPlain("\u2066名字\u2069", false)).isFalse();
        assertThat(PlainTextValidator.isPlain("名\u200B字", false)).isFalse();
    }

    @Test
    void allowsLineBreaksOnlyWhereAskedFor() {
        assertThat(PlainTextValidator.isPlain("第一行\n第二行", false)).isFalse();
        assertThat(PlainTextValidator.isPlain("第一行\n第二行", true)).isTrue();
        assertThat(PlainTextValidator.isPlain("第一行\r\n第二行", true)).isFalse();
    }
}
