package cn.doorstep.common;

/** How a phone number a person types in is checked (a wish's contact, a hotline caller). */
public final class PhoneNumbers {

    /** A mainland mobile number, or a landline with its area code. */
    public static final String PATTERN = "1[0-9]{10}|0[0-9]{2,3}-?[0-9]{7,8}";

    private PhoneNumbers() {
    }
}
