package cn.doorstep.deliberation.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** One decision of a meeting, in the order recorded. */
@TableName("deliberation_decision")
public class Decision {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long meetingId;
    private Integer sortOrder;
    private String text;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getMeetingId() { return meetingId; }
    public void setMeetingId(Long meetingId) { this.meetingId = meetingId; }
    public Integer getSortOrder() { return sortOrder; }
    public void setSortOrder(Integer sortOrder) { this.sortOrder = sortOrder; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
