package cn.doorstep.media;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Pattern;

/** The check behind {@link MediaUrl}: the media host's base URL, a month folder and a stored name. */
public class MediaUrlValidator implements ConstraintValidator<MediaUrl, CharSequence> {

    private final Pattern url;

    public MediaUrlValidator(MediaProperties properties) {
        this.url = Pattern.compile(Pattern.quote(properties.baseUrl()) + "/" + MediaService.PATH_PATTERN);
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || url.matcher(value).matches();
    }
}
