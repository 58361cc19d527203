package cn.doorstep.station.internal;

import cn.doorstep.station.hours.WeeklyRule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** The weekly_hours JSON column as a typed list (MyBatis-Plus's JacksonTypeHandler loses the element type). */
public class WeeklyRulesTypeHandler extends BaseTypeHandler<List<WeeklyRule>> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<WeeklyRule>> TYPE = new TypeReference<>() {
    };

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, List<WeeklyRule> rules, JdbcType jdbcType)
            throws SQLException {
        try {
            ps.setString(i, JSON.writeValueAsString(rules));
        } catch (JsonProcessingException e) {
            throw new SQLException("Cannot write weekly hours", e);
        }
    }

    @Override
    public List<WeeklyRule> getNullableResult(ResultSet rs, String column) throws SQLException {
        return parse(rs.getString(column));
    }

    @Override
    public List<WeeklyRule> getNullableResult(ResultSet rs, int index) throws SQLException {
        return parse(rs.getString(index));
    }

    @Override
    public List<WeeklyRule> getNullableResult(CallableStatement cs, int index) throws SQLException {
        return parse(cs.getString(index));
    }

    private static List<WeeklyRule> parse(String json) throws SQLException {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new SQLException("Cannot read weekly hours", e);
        }
    }
}
