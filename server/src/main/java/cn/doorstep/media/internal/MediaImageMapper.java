package cn.doorstep.media.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface MediaImageMapper extends BaseMapper<MediaImage> {

    default MediaImage selectByPath(String path) {
        return selectOne(new LambdaQueryWrapper<MediaImage>().eq(MediaImage::getPath, path));
    }
}
