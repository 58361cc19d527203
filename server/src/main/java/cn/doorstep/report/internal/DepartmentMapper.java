package cn.doorstep.report.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.util.Collection;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface DepartmentMapper extends BaseMapper<Department> {

    /**
     * Departments serving any of {@code streetIds} ({@code null}: every department), by name; in one
     * statement (and its count).
     */
    @Select("""
            <script>
            SELECT d.* FROM department d
            <if test="streets != null">
            WHERE EXISTS (SELECT 1 FROM department_street s WHERE s.department_id = d.id AND s.street_id IN
            <foreach collection="streets" item="s" open="(" separator="," close=")">#{s}</foreach>)
            </if>
            ORDER BY d.name, d.id
            </script>
            """)
    Page<Department> selectServing(Page<Department> page, @Param("streets") Collection<Long> streetIds);
}
