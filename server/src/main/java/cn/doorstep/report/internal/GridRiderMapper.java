package cn.doorstep.report.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface GridRiderMapper extends BaseMapper<GridRider> {
}
