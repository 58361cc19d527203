package cn.doorstep.media.internal;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

@TableName("media_image")
public class MediaImage {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long ownerId;
    private String path;
    private String contentType;
    private Integer bytes;
    private Integer width;
    private Integer height;
    private String checkStatus;
    private String checkTraceId;
    private Integer checkAttempts;
    private Instant checkRequestedAt;
    private String checkLabel;
    private Instant checkedAt;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getOwnerId() { return ownerId; }
    public void setOwnerId(Long ownerId) { this.ownerId = ownerId; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getContentType() { return contentType; }
    public void setContentType(String contentType) { this.contentType = contentType; }
    public Integer getBytes() { return bytes; }
    public void setBytes(Integer bytes) { this.bytes = bytes; }
    public Integer getWidth() { return width; }
    public void setWidth(Integer width) { this.width = width; }
    public Integer getHeight() { return height; }
    public void setHeight(Integer height) { this.height = height; }
    public String getCheckStatus() { return checkStatus; }
    public void setCheckStatus(String checkStatus) { this.checkStatus = checkStatus; }
    public String getCheckTraceId() { return checkTraceId; }
    public void setCheckTraceId(String checkTraceId) { this.checkTraceId = checkTraceId; }
    public Integer getCheckAttempts() { return checkAttempts; }
    public void setCheckAttempts(Integer checkAttempts) { this.checkAttempts = checkAttempts; }
    public Instant getCheckRequestedAt() { return checkRequestedAt; }
    public void setCheckRequestedAt(Instant checkRequestedAt) { this.checkRequestedAt = checkRequestedAt; }
    public String getCheckLabel() { return checkLabel; }
    public void setCheckLabel(String checkLabel) { this.checkLabel = checkLabel; }
    public Instant getCheckedAt() { return checkedAt; }
    public void setCheckedAt(Instant checkedAt) { this.checkedAt = checkedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
