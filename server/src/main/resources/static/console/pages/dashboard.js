// 数据看板: wish statistics (GET /admin/stats/wishes) and the week's ranking 通报 (GET /admin/reports/rankings),
// drawn with ECharts. Each chart's option is exposed as window.__console.<name> for the browser tests.
import { ref, reactive, watch, onMounted, onUnmounted, nextTick } from 'vue';
import * as echarts from 'echarts';
import { get, download, hasRole } from '../api.js';
import { AlertBox, CommunityPicker, AreaPicker, label, pct, num, expose, fmtTime } from '../ui.js';

export default {
  components: { AlertBox, CommunityPicker, AreaPicker },
  setup() {
    const scope = reactive({ level: hasRole('PLATFORM', 'DISTRICT_ADMIN', 'STREET_ADMIN') ? 'area' : 'community', period: 'week' });
    const communityId = ref(null), area = ref(null), stats = ref(null), statsError = ref(null);
    const rankLevel = ref('COMMUNITY'), week = ref(''), ranking = ref(null), rankError = ref(null);
    const daily = ref(null), status = ref(null), category = ref(null), rank = ref(null);
    const charts = [];
    const draw = (el, option, name) => {
      if (!el) return;
      const chart = echarts.getInstanceByDom(el) || echarts.init(el);
      if (!charts.includes(chart)) charts.push(chart);
      chart.setOption({ animation: false, ...option }, true); // a screenshot or a wall screen shows the figures, not a tween
      expose(name, option);
    };
    const resize = () => charts.forEach(c => c.resize());

    function statsQuery() {
      const q = { period: scope.period };
      if (scope.level === 'community') q.communityId = communityId.value;
      else if (area.value) Object.assign(q, area.value.streetId ? { streetId: area.value.streetId } : { districtId: area.value.districtId });
      return q;
    }
    async function loadStats() {
      statsError.value = null;
      const q = statsQuery();
      if (!q.communityId && !q.streetId && !q.districtId) return;
      try {
        stats.value = await get('/admin/stats/wishes', q);
        await nextTick();
        const s = stats.value;
        draw(daily.value, { tooltip: { trigger: 'axis' }, legend: { data: ['发布', '完成'] }, grid: { left: 40, right: 16, top: 36, bottom: 28 },
          xAxis: { type: 'category', data: s.daily.map(d => d.date.slice(5)) }, yAxis: { type: 'value', minInterval: 1 },
          series: [{ name: '发布', type: 'line', data: s.daily.map(d => d.posted) }, { name: '完成', type: 'line', data: s.daily.map(d => d.confirmed) }] }, 'wishesDaily');
        draw(status.value, { tooltip: { trigger: 'item' }, series: [{ type: 'pie', radius: ['40%', '70%'],
          data: Object.entries(s.byStatus).filter(([, v]) => v > 0).map(([k, v]) => ({ name: label('wishStatus', k), value: v })) }] }, 'wishesByStatus');
        draw(category.value, { tooltip: {}, grid: { left: 70, right: 16, top: 16, bottom: 28 }, xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', data: s.byCategory.map(c => label('wishCategory', c.category)) },
          series: [{ type: 'bar', data: s.byCategory.map(c => c.count), itemStyle: { color: '#409eff' } }] }, 'wishesByCategory');
        expose('wishStats', s);
      } catch (e) { statsError.value = e.status === 404 && e.code !== 0 ? { message: '心愿统计接口暂不可用（' + e.message + '）' } : e; }
    }
    async function loadRanking() {
      rankError.value = null;
      if (!area.value) return;
      try {
        ranking.value = await get('/admin/reports/rankings', { level: rankLevel.value, week: week.value,
          streetId: area.value.streetId, districtId: area.value.districtId });
        await nextTick();
        const rows = ranking.value.rows || [];
        draw(rank.value, { tooltip: { trigger: 'axis' }, legend: { data: ['受理', '办结', '超期'] }, grid: { left: 40, right: 16, top: 36, bottom: 60 },
          xAxis: { type: 'category', data: rows.map(r => r.name), axisLabel: { rotate: rows.length > 6 ? 30 : 0 } }, yAxis: { type: 'value', minInterval: 1 },
          series: [{ name: '受理', type: 'bar', data: rows.map(r => r.filed) }, { name: '办结', type: 'bar', data: rows.map(r => r.resolved) },
            { name: '超期', type: 'bar', data: rows.map(r => r.overdue), itemStyle: { color: '#f56c6c' } }] }, 'rankingChart');
      } catch (e) { rankError.value = e; }
    }
    const exportRanking = () => download('/admin/reports/rankings/export', { level: rankLevel.value, week: week.value,
      streetId: area.value && area.value.streetId, districtId: area.value && area.value.districtId }).catch(e => { rankError.value = e; });
    watch([communityId, area, () => scope.level, () => scope.period], loadStats);
    watch([area, rankLevel, week], loadRanking);
    onMounted(() => window.addEventListener('resize', resize));
    onUnmounted(() => { window.removeEventListener('resize', resize); charts.forEach(c => c.dispose()); });
    return { scope, communityId, area, stats, statsError, rankLevel, week, ranking, rankError, daily, status, category, rank,
      exportRanking, label, pct, num, fmtTime, canRank: hasRole('PLATFORM', 'DISTRICT_ADMIN', 'STREET_ADMIN') };
  },
  template: `<div>
    <div class="card"><div class="toolbar">
      <select v-model="scope.level" data-test="stats-level"><option value="community">按社区</option><option v-if="canRank" value="area">按街道/区</option></select>
      <community-picker v-if="scope.level === 'community'" v-model="communityId" />
      <select v-model="scope.period" data-test="stats-period"><option value="day">今日</option><option value="week">本周</option><option value="month">本月</option></select>
    </div>
    <alert-box :error="statsError" />
    <div v-if="stats" class="grid cols-4" data-test="wish-stats">
      <div class="card stat"><div class="label">发布心愿</div><div class="value" data-test="stat-posted">{{ stats.posted }}</div></div>
      <div class="card stat"><div class="label">完成率</div><div class="value" data-test="stat-completion">{{ pct(stats.completionRate) }}</div></div>
      <div class="card stat"><div class="label">认领用时中位数（分钟）</div><div class="value" data-test="stat-claim">{{ num(stats.medianMinutesToClaim) }}</div></div>
      <div class="card stat"><div class="label">平均评分</div><div class="value" data-test="stat-rating">{{ num(stats.averageRating) }}</div></div>
    </div>
    <p v-if="stats" class="muted">{{ stats.scope.name }}，{{ stats.from }} 至 {{ stats.to }}</p>
    <div class="grid cols-2" v-show="stats">
      <div class="card"><h3>每日发布与完成</h3><div ref="daily" class="chart" data-test="chart-daily"></div></div>
      <div class="grid cols-2" style="gap:16px">
        <div class="card"><h3>按状态</h3><div ref="status" class="chart" data-test="chart-status"></div></div>
        <div class="card"><h3>按类别</h3><div ref="category" class="chart" data-test="chart-category"></div></div></div>
    </div></div>
    <div class="card" v-if="canRank"><div class="toolbar"><h3 style="margin:0">诉求办理情况通报</h3><span style="flex:1"></span>
        <area-picker v-model="area" />
        <select v-model="rankLevel" data-test="rank-level"><option v-for="l in ['COMMUNITY', 'STREET', 'DEPARTMENT']" :key="l" :value="l">{{ label('rankLevel', l) }}排名</option></select>
        <input v-model.lazy.trim="week" placeholder="周，如 2026-W49（默认上周）" style="width:200px" data-test="rank-week">
        <button class="btn" @click="exportRanking">导出通报 xlsx</button></div>
      <alert-box :error="rankError" />
      <template v-if="ranking"><p class="muted" data-test="rank-title">{{ ranking.title }}（{{ fmtTime(ranking.from) }} 至 {{ fmtTime(ranking.until) }}，北京时间）</p>
        <div ref="rank" class="chart" data-test="chart-ranking"></div>
        <table class="table" data-test="ranking"><thead><tr><th>名次</th><th>名称</th><th>受理</th><th>办结</th><th>办结率</th><th>超期</th><th>满意率</th><th>平均受理（时）</th></tr></thead>
          <tbody><tr v-for="r in ranking.rows" :key="r.id" :data-test="'rank-row-' + r.id"><td>{{ r.rank || '—' }}</td><td>{{ r.name }}</td>
            <td data-test="filed">{{ r.filed }}</td><td data-test="resolved">{{ r.resolved }}</td><td>{{ pct(r.resolutionRate) }}</td><td>{{ r.overdue }}</td>
            <td>{{ pct(r.satisfaction) }}</td><td>{{ r.meanHoursToAccept === null ? '—' : r.meanHoursToAccept.toFixed(1) }}</td></tr></tbody></table></template>
    </div></div>`,
};
