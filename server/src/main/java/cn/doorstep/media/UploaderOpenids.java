package cn.doorstep.media;

import java.util.Optional;

/**
 * Whose name WeChat's media check runs under: the uploader's openid (implemented by user, which owns
 * them; media cannot depend on user, which uses media's {@link MediaUrl}).
 */
public interface UploaderOpenids {

    Optional<String> openidOf(long userId);
}
