package cn.doorstep.common;

import java.security.SecureRandom;

/**
 * Short codes people read, type or scan (check-in, member, booking, redemption and statement codes):
 * each character drawn from the caller's alphabet by a {@link SecureRandom}, so a code cannot be
 * guessed from others.
 */
public final class RandomCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomCodes() {
    }

    public static String of(String alphabet, int length) {
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
        }
        return new String(code);
    }
}
