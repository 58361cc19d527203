package cn.doorstep.auth.internal;

import cn.doorstep.common.Role;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface UserRoleMapper extends BaseMapper<UserRole> {

    /** Granting twice is harmless: the unique key (user, role, scope) keeps one row. */
    @Insert("INSERT IGNORE INTO user_role (user_id, role, scope_id, created_at) "
            + "VALUES (#{userId}, #{role}, #{scopeId}, UTC_TIMESTAMP(3))")
    int insertIgnore(@Param("userId") long userId, @Param("role") Role role, @Param("scopeId") long scopeId);

    default List<UserRole> selectByUser(long userId) {
        return selectList(new LambdaQueryWrapper<UserRole>().eq(UserRole::getUserId, userId));
    }

    default List<UserRole> selectByUsers(Collection<Long> userIds) {
        return selectList(new LambdaQueryWrapper<UserRole>().in(UserRole::getUserId, userIds));
    }

    default boolean existsRole(Role role) {
        return exists(new LambdaQueryWrapper<UserRole>().eq(UserRole::getRole, role));
    }

    /** A page of the grants of a role in any of these scopes, by scope then user; {@code scopeIds} must not be empty. */
    default Page<UserRole> selectByRoleAndScopes(Role role, Collection<Long> scopeIds, Page<UserRole> page) {
        return selectPage(page, new LambdaQueryWrapper<UserRole>().eq(UserRole::getRole, role)
                .in(UserRole::getScopeId, scopeIds).orderByAsc(UserRole::getScopeId, UserRole::getUserId));
    }

    default int deleteGrant(long userId, Role role, long scopeId) {
        return delete(new LambdaQueryWrapper<UserRole>().eq(UserRole::getUserId, userId).eq(UserRole::getRole, role)
                .eq(UserRole::getScopeId, scopeId));
    }
}
