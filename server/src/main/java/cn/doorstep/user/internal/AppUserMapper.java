package cn.doorstep.user.internal;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface AppUserMapper extends BaseMapper<AppUser> {

    default AppUser selectByOpenid(String openid) {
        return selectOne(new LambdaQueryWrapper<AppUser>().eq(AppUser::getOpenid, openid));
    }
}
