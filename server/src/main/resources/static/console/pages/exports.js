// 台账导出: the existing xlsx exports, downloaded with the console's token.
import { ref, reactive } from 'vue';
import { download } from '../api.js';
import { AlertBox, CommunityPicker, AreaPicker } from '../ui.js';

const EXPORTS = [
  { title: '心愿台账', path: '/admin/wishes/export', community: true },
  { title: '预约台账', path: '/admin/bookings/export', community: true },
  { title: '兑换台账', path: '/admin/redemptions/export', community: true },
  { title: '积分流水台账', path: '/admin/points/ledger/export', community: true },
  { title: '诉求办理情况通报（社区排名，本周）', path: '/admin/reports/rankings/export', query: { level: 'COMMUNITY' } },
  { title: '诉求办理情况通报（街道排名，本周）', path: '/admin/reports/rankings/export', query: { level: 'STREET' } },
  { title: '诉求办理情况通报（职能部门排名，本周）', path: '/admin/reports/rankings/export', query: { level: 'DEPARTMENT' } },
];

export default {
  components: { AlertBox, CommunityPicker, AreaPicker },
  setup() {
    const communityId = ref(null), area = ref(null), range = reactive({ from: '', to: '' }), error = ref(null), ok = ref('');
    async function get(x) {
      error.value = null; ok.value = '';
      try {
        await download(x.path, x.community ? { communityId: communityId.value, from: range.from, to: range.to }
          : { ...x.query, streetId: area.value && area.value.streetId, districtId: area.value && area.value.districtId });
        ok.value = `「${x.title}」已开始下载`;
      } catch (e) { error.value = e; }
    }
    return { EXPORTS, communityId, area, range, error, ok, get };
  },
  template: `<div class="card">
    <div class="toolbar"><community-picker v-model="communityId" allow-all />
      <label class="field">从 <input type="date" v-model="range.from"></label><label class="field">到 <input type="date" v-model="range.to"></label>
      <area-picker v-model="area" /><span class="muted">（通报按街道或区）</span></div>
    <alert-box :error="error" :ok="ok" />
    <table class="table" data-test="exports"><tbody><tr v-for="x in EXPORTS" :key="x.title"><td>{{ x.title }}</td>
      <td class="mono muted">GET /api/v1{{ x.path }}</td><td><a @click="get(x)">下载 xlsx</a></td></tr></tbody></table></div>`,
};
