// 待办: each queue is decided through the existing admin APIs (wishes, riders, 双报到, volunteers).
import { ref, reactive, watch, onMounted, computed } from 'vue';
import { get, post } from '../api.js';
import { AlertBox, CommunityPicker, Pager, label, fmtTime } from '../ui.js';

const QUEUES = {
  review: { title: '待审核的心愿', list: q => get('/admin/wishes', { ...q, status: 'PENDING_REVIEW' }), community: true },
  dispatch: { title: '待认领的心愿（可派单给志愿者）', list: q => get('/admin/wishes', { ...q, status: 'OPEN' }), community: true },
  disputes: { title: '有争议的心愿', list: q => get('/admin/wishes', { ...q, status: 'DISPUTED' }), community: true },
  riders: { title: '待审核的骑手登记', list: q => get('/admin/riders', { ...q, status: 'PENDING' }) },
  party: { title: '待确认的双报到登记', list: q => get('/admin/party/registrations', { ...q, status: 'PENDING' }) },
  volunteers: { title: '待审核的志愿者申请', list: q => get('/admin/volunteers/applications', { ...q, status: 'PENDING' }), community: true },
};

export default {
  props: { kind: String },
  components: { AlertBox, CommunityPicker, Pager },
  setup(props) {
    const queue = computed(() => QUEUES[props.kind] || QUEUES.review);
    const communityId = ref(null), page = ref(1), data = ref({ items: [], total: 0, page: 1, size: 20 });
    const error = ref(null), ok = ref(''), reasons = reactive({}), volunteers = ref([]), chosen = reactive({});
    const outcome = reactive({});

    async function load() {
      error.value = null;
      try {
        data.value = await queue.value.list({ communityId: communityId.value, page: page.value, size: 20 });
        if (props.kind === 'dispatch' && communityId.value) {
          volunteers.value = (await get('/admin/volunteers', { communityId: communityId.value, size: 50 })).items;
        }
      } catch (e) { error.value = e; }
    }
    async function act(fn, message) {
      error.value = null; ok.value = '';
      try { await fn(); ok.value = message; await load(); } catch (e) { error.value = e; }
    }
    const needReason = id => { if (!reasons[id]) { error.value = { message: '请填写理由' }; return false; } return true; };
    const wish = {
      approve: w => act(() => post(`/admin/wishes/${w.id}/approve`), `已通过心愿 #${w.id}`),
      reject: w => needReason(w.id) && act(() => post(`/admin/wishes/${w.id}/reject`, { reason: reasons[w.id] }), `已驳回心愿 #${w.id}`),
      dispatch: w => act(() => post(`/admin/wishes/${w.id}/dispatch`, { volunteerId: Number(chosen[w.id]) }), `已派单 #${w.id}`),
      resolve: w => needReason(w.id) && act(() => post(`/admin/wishes/${w.id}/resolve`,
        { outcome: outcome[w.id] || 'CONFIRM', reason: reasons[w.id] }), `已处理争议 #${w.id}`),
    };
    const rider = {
      verify: r => act(() => post(`/admin/riders/${r.id}/verify`, { version: r.version }), `已通过骑手 ${r.realName}`),
      reject: r => needReason(r.id) && act(() => post(`/admin/riders/${r.id}/reject`, { version: r.version, reason: reasons[r.id] }), `已驳回骑手 ${r.realName}`),
    };
    const party = {
      confirm: r => act(() => post(`/admin/party/registrations/${r.id}/confirm`, { version: r.version }), `已确认 ${r.realName}`),
      reject: r => needReason(r.id) && act(() => post(`/admin/party/registrations/${r.id}/reject`, { version: r.version, reason: reasons[r.id] }), `已驳回 ${r.realName}`),
    };
    const volunteer = {
      approve: a => act(() => post(`/admin/volunteers/applications/${a.id}/approve`), `已通过 ${a.realName}`),
      reject: a => needReason(a.id) && act(() => post(`/admin/volunteers/applications/${a.id}/reject`, { reason: reasons[a.id] }), `已驳回 ${a.realName}`),
    };
    watch([communityId, () => props.kind], () => { page.value = 1; load(); });
    onMounted(() => { if (!queue.value.community) load(); });
    const go = n => { page.value = n; load(); };
    return { queue, communityId, data, error, ok, reasons, volunteers, chosen, outcome, wish, rider, party, volunteer, go, label, fmtTime, kind: computed(() => props.kind) };
  },
  template: `<div class="card">
    <div class="toolbar"><h3 style="margin:0">{{ queue.title }}</h3><span style="flex:1"></span>
      <community-picker v-if="queue.community" v-model="communityId" /></div>
    <alert-box :error="error" :ok="ok" />
    <table class="table" :data-test="'queue-' + kind">
      <template v-if="['review', 'dispatch', 'disputes'].includes(kind)">
        <thead><tr><th>编号</th><th>标题</th><th>类别</th><th>状态</th><th>提交时间</th><th style="width:420px">处理</th></tr></thead>
        <tbody>
          <tr v-for="w in data.items" :key="w.id" :data-test="'row-' + w.id">
            <td>{{ w.id }}</td><td>{{ w.title }}</td><td>{{ label('wishCategory', w.category) }}</td>
            <td><span class="tag warning">{{ label('wishStatus', w.status) }}</span></td><td>{{ fmtTime(w.createdAt) }}</td>
            <td v-if="kind === 'review'"><input v-model="reasons[w.id]" placeholder="驳回理由" style="width:160px">
              <button class="btn small success" data-test="approve" @click="wish.approve(w)">通过</button>
              <button class="btn small danger" data-test="reject" @click="wish.reject(w)">驳回</button></td>
            <td v-else-if="kind === 'dispatch'"><select v-model="chosen[w.id]" style="width:200px"><option value="">选择志愿者</option>
                <option v-for="v in volunteers" :key="v.userId" :value="v.userId">{{ v.realName || v.nickname || ('#' + v.userId) }}</option></select>
              <button class="btn small primary" data-test="dispatch" :disabled="!chosen[w.id]" @click="wish.dispatch(w)">派单</button></td>
            <td v-else><select v-model="outcome[w.id]"><option value="CONFIRM">确认完成（赋分）</option><option value="REOPEN">重新发布</option><option value="CANCEL">取消</option></select>
              <input v-model="reasons[w.id]" placeholder="处理说明" style="width:150px">
              <button class="btn small primary" data-test="resolve" @click="wish.resolve(w)">处理</button></td>
          </tr>
        </tbody>
      </template>
      <template v-else>
        <thead><tr><th>编号</th><th>姓名</th><th>{{ kind === 'riders' ? '平台' : kind === 'party' ? '报到单位' : '社区' }}</th><th>电话</th><th>提交时间</th><th style="width:400px">处理</th></tr></thead>
        <tbody>
          <tr v-for="r in data.items" :key="r.id" :data-test="'row-' + r.id">
            <td>{{ r.id }}</td><td>{{ r.realName }}</td>
            <td>{{ kind === 'riders' ? r.platform : kind === 'party' ? r.unitName : r.communityName }}</td>
            <td>{{ r.phone || '—' }}</td><td>{{ fmtTime(r.createdAt) }}</td>
            <td><input v-model="reasons[r.id]" placeholder="驳回理由" style="width:160px">
              <button class="btn small success" data-test="approve"
                @click="kind === 'riders' ? rider.verify(r) : kind === 'party' ? party.confirm(r) : volunteer.approve(r)">通过</button>
              <button class="btn small danger" data-test="reject"
                @click="kind === 'riders' ? rider.reject(r) : kind === 'party' ? party.reject(r) : volunteer.reject(r)">驳回</button></td>
          </tr>
        </tbody>
      </template>
      <tbody v-if="!data.items.length"><tr><td colspan="6" class="empty">暂无待办</td></tr></tbody>
    </table>
    <pager :page="data.page" :size="data.size" :total="data.total" @go="go" />
  </div>`,
};
