package cn.doorstep.notify;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doorstep.notify.*}.
 *
 * @param templates    the WeChat template id of each kind (from the mini-program's 订阅消息 settings);
 *                     a kind without one is not sent (SKIPPED)
 * @param sendEvery    how often the sender looks for due messages
 * @param batch        how many it sends per look
 * @param maxAttempts  attempts before a message is given up (FAILED)
 * @param state        the mini-program version messages open: formal, trial or developer
 */
@ConfigurationProperties("doorstep.notify")
public record NotifyProperties(
        Map<NotificationKind, String> templates,
        @DefaultValue("PT5S") Duration sendEvery,
        @DefaultValue("50") int batch,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("formal") String state) {

    public NotifyProperties {
        templates = templates == null ? Map.of() : Map.copyOf(templates);
    }
}
