// 覆盖地图: stations and grid gaps from GET /admin/coverage, on Leaflet. No background tiles unless the operator
// set doorstep.console.tile-url (GET /console/settings): nothing is fetched from a third party by default.
import { ref, reactive, watch, onMounted, onUnmounted, nextTick } from 'vue';
import * as L from 'leaflet';
import { get, hasRole } from '../api.js';
import { AlertBox, CommunityPicker, AreaPicker, label, pct, num, expose, LABELS } from '../ui.js';

export default {
  components: { AlertBox, CommunityPicker, AreaPicker },
  setup() {
    const scope = reactive({ level: hasRole('PLATFORM', 'DISTRICT_ADMIN', 'STREET_ADMIN') ? 'area' : 'community', when: 'now' });
    const communityId = ref(null), area = ref(null), coverage = ref(null), error = ref(null), el = ref(null);
    let map = null, layer = null;

    onMounted(async () => {
      map = L.map(el.value, { zoomControl: true, attributionControl: true }).setView([43.84, 126.55], 12);
      layer = L.layerGroup().addTo(map);
      try {
        const settings = await get('/console/settings');
        if (settings.tileUrl) L.tileLayer(settings.tileUrl, { attribution: settings.tileAttribution, maxZoom: 18 }).addTo(map);
      } catch (e) { /* the map works without a background */ }
    });
    onUnmounted(() => { if (map) map.remove(); });

    async function load() {
      error.value = null;
      const q = { when: scope.when };
      if (scope.level === 'community') q.communityId = communityId.value;
      else if (area.value) Object.assign(q, area.value.streetId ? { streetId: area.value.streetId } : { districtId: area.value.districtId });
      if (!q.communityId && !q.streetId && !q.districtId) return;
      try {
        coverage.value = await get('/admin/coverage', q);
        expose('coverage', coverage.value);
        await nextTick();
        drawMap();
      } catch (e) { error.value = e.status === 404 && e.code !== 0 ? { message: '覆盖接口暂不可用（' + e.message + '）' } : e; }
    }
    function drawMap() {
      layer.clearLayers();
      const c = coverage.value, points = [];
      for (const s of c.stations || []) {
        L.circle([s.lat, s.lng], { radius: c.radiusMeters || 1000, color: s.open ? '#67c23a' : '#909399', weight: 1, fillOpacity: 0.08 }).addTo(layer);
        L.circleMarker([s.lat, s.lng], { radius: 6, color: '#fff', weight: 2, fillColor: s.open ? '#67c23a' : '#909399', fillOpacity: 1 })
          .bindTooltip(s.name + (s.open ? '（开放）' : '（未开放）')).addTo(layer);
        points.push([s.lat, s.lng]);
      }
      for (const g of c.gaps || []) {
        L.circleMarker([g.lat, g.lng], { radius: 7, color: '#f56c6c', weight: 2, fillColor: '#f56c6c', fillOpacity: 0.6 })
          .bindTooltip(`${g.communityName} · ${g.name}：${g.households ?? '?'} 户，最近开放站点 ${g.nearestOpenStationMeters ?? '—'} 米`).addTo(layer);
        points.push([g.lat, g.lng]);
      }
      map.invalidateSize();
      if (points.length) map.fitBounds(points, { padding: [24, 24], maxZoom: 15, animate: false });
    }
    watch([communityId, area, () => scope.level, () => scope.when], load);
    return { scope, communityId, area, coverage, error, el, label, pct, num, LABELS,
      canArea: hasRole('PLATFORM', 'DISTRICT_ADMIN', 'STREET_ADMIN') };
  },
  template: `<div>
    <div class="card"><div class="toolbar">
      <select v-model="scope.level"><option value="community">按社区</option><option v-if="canArea" value="area">按街道/区</option></select>
      <community-picker v-if="scope.level === 'community'" v-model="communityId" /><area-picker v-else v-model="area" />
      <select v-model="scope.when" data-test="coverage-when"><option v-for="(t, k) in LABELS.when" :key="k" :value="k">{{ t }}</option></select>
      <span style="flex:1"></span>
      <template v-if="coverage"><span>网格覆盖 <b data-test="grids-covered">{{ coverage.gridsCovered }}</b>/{{ coverage.grids }}</span>
        <span>户数覆盖 <b>{{ coverage.householdsCovered }}</b>/{{ coverage.households }}</span>
        <span>覆盖率 <b data-test="coverage-share">{{ pct(coverage.share) }}</b></span></template></div>
      <alert-box :error="error" />
      <div ref="el" class="map" data-test="map"></div>
      <p class="muted" style="margin:8px 0 0"><span class="tag success">开放站点（{{ coverage ? coverage.radiusMeters : 1000 }} 米服务半径）</span>
        <span class="tag info">未开放站点</span><span class="tag danger">覆盖空白网格</span></p></div>
    <div class="grid cols-2" v-if="coverage">
      <div class="card"><h3>各区域覆盖</h3><table class="table" data-test="coverage-areas"><thead><tr><th>区域</th><th>网格</th><th>已覆盖</th><th>覆盖率</th></tr></thead>
        <tbody><tr v-for="a in coverage.areas" :key="a.level + a.id"><td>{{ a.name }}</td><td>{{ a.grids }}</td><td>{{ a.gridsCovered }}</td><td>{{ pct(a.share) }}</td></tr></tbody></table></div>
      <div class="card"><h3>覆盖空白</h3><table class="table" data-test="coverage-gaps"><thead><tr><th>社区</th><th>网格</th><th>户数</th><th>最近开放站点</th></tr></thead>
        <tbody><tr v-for="g in coverage.gaps" :key="g.gridId"><td>{{ g.communityName }}</td><td>{{ g.name }}</td><td>{{ num(g.households) }}</td>
          <td>{{ g.nearestOpenStationMeters === null ? '—' : g.nearestOpenStationMeters + ' 米' }}</td></tr>
          <tr v-if="!coverage.gaps.length"><td colspan="4" class="empty">没有空白网格</td></tr></tbody></table></div></div></div>`,
};
