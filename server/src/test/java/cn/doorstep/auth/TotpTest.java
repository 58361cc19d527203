package cn.doorstep.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** TOTP against RFC 6238's test vectors (Appendix B, HMAC-SHA1), and what the authenticator apps read. */
class TotpTest {

    /** RFC 6238's SHA1 seed: the ASCII of "12345678901234567890". */
    static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0} s gives {1}")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void matchesTheRfcsTestVectors(long seconds, String expected) {
        long step = Totp.stepOf(Instant.ofEpochSecond(seconds));

        assertThat(Totp.code(SEED, step, 8)).isEqualTo(expected);
        // six digits, as the apps show them, are the same number modulo 10^6
        assertThat(Totp.code(SEED, step, 6)).isEqualTo(expected.substring(2));
    }

    @Test
    void acceptsTheCodeOfTheStepBeforeAndAfterButNotFurther() {
        String secret = Totp.base32(SEED);
        Instant at = Instant.ofEpochSecond(1111111111);
        long step = Totp.stepOf(at);

        assertThat(Totp.matchingStep(secret, "050471", at)).isEqualTo(step);
        assertThat(Totp.matchingStep(secret, Totp.code(SEED, step - 1, 6), at)).isEqualTo(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(SEED, step + 1, 6), at)).isEqualTo(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(SEED, step - 2, 6), at)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, "12345", at)).isEqualTo(-1);
    }

    @Test
    void writesSecretsInBase32AndReadsThemBack() {
        // RFC 4648's test vector, without padding
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Totp.fromBase32("MZXW6YTBOI"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        String secret = Totp.newSecret();
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.fromBase32(secret)).hasSize(20);
    }

    @Test
    void theOtpauthUriNamesTheIssuerAccountAndParameters() {
        assertThat(Totp.uri("ops-lee", "JBSWY3DPEHPK3PXP")).isEqualTo(
                "otpauth://totp/%E5%AE%B6%E9%97%A8%E5%8F%A3%3Aops-lee?secret=JBSWY3DPEHPK3PXP"
                        + "&issuer=%E5%AE%B6%E9%97%A8%E5%8F%A3&algorithm=SHA1&digits=6&period=30");
    }
}
