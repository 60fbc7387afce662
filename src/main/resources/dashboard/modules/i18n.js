// The dashboard's messages in Arabic and English, and switching between them.
const T = {
  ar: {
    brand: 'حوار · الإشراف', signOut: 'خروج', signInTitle: 'تسجيل دخول المشرفين', tokenLabel: 'رمز الدخول (JWT) من نظام دخول الناشر',
    signIn: 'دخول', devSignIn: 'دخول كمشرف تجريبي', search: 'بحث في النصوص', claim: 'احجز الدفعة التالية',
    approveSelected: 'اعتماد المحدد', rejectSelected: 'رفض المحدد', shortcuts: 'اختصارات', more: 'المزيد', cancel: 'إلغاء',
    reject: 'رفض', approve: 'اعتماد', feature: 'تمييز', featured: 'مميّز', unfeature: 'إلغاء التمييز', rejectWhy: 'سبب الرفض', close: 'إغلاق',
    queues: { pending: 'بانتظار المراجعة', reported: 'مُبلَّغ عنها', rejected: 'مرفوضة', approved: 'منشورة', all: 'الكل' },
    statuses: { pending: 'معلّق', published: 'منشور', rejected: 'مرفوض', deleted: 'محذوف' },
    admin: { newsroom: 'غرفة الأخبار', campaigns: 'الحملات', wordlists: 'قوائم الكلمات', models: 'النموذج', audit: 'سجل التدقيق', stats: 'إحصاءات' },
    modes: { post: 'نشر مباشر', pre: 'مراجعة مسبقة للجميع', 'pre-new': 'مراجعة مسبقة للجدد' }, modeBy: 'ضبطها {who} في {when}',
    modeHelp: { post: 'التعليقات تُنشر ما لم توقفها قاعدة.', pre: 'كل تعليق ينتظر مشرفًا، حتى من القراء الموثوقين.', 'pre-new': 'تعليقات القراء غير المعروفين بعد تنتظر مشرفًا.' },
    siteMode: 'وضع الإشراف في الموقع', hot: 'المقالات الساخنة', article: 'المقال', step: 'الدرجة', perMinute: 'تعليقات / بلاغات في الدقيقة',
    heldShare: 'نسبة المعلّق', stepSince: 'منذ', newcomers: 'معلّقون جدد في الدقيقة', pinTo: 'ثبّت على…', pinFor: 'تثبيت {a}', pinned: 'مثبّت', release: 'أطلق',
    calmNow: 'لا مقالات ساخنة الآن.', steps: { normal: 'عادي', slow: 'أبطأ', held: 'مراجعة مسبقة', closed: 'مغلق مؤقتًا' },
    noCampaigns: 'لا حملات منسّقة الآن.', campaignFigures: '{n} تعليقًا من {a} حسابًا على {k} مقالات · {p} معلّقة · من {from} حتى {to}',
    campaignStatus: { approved: 'اعتُمدت', rejected: 'رُفضت' }, approveAll: 'اعتماد الكل', rejectAll: 'رفض الكل', rejectBanAll: 'رفض الكل وحظر الحسابات',
    campaignDone: 'قُرّر {n} تعليقًا وحُظر {b} حسابًا.', campaignGrew: 'كبرت الحملة منذ رأيتها؛ راجعها من جديد.',
    holdReasons: { rejections: 'معلّق بسبب تعليقات مرفوضة', reports: 'معلّق بسبب البلاغات' }, holdSince: 'منذ {when} ({figures})', releaseHold: 'ارفع التعليق',
    reasons: { spam: 'رسائل مزعجة', abuse: 'إساءة', hate: 'كراهية', harassment: 'تحرش', 'off-topic': 'خارج الموضوع', 'personal-data': 'بيانات شخصية', other: 'أخرى' },
    empty: 'لا شيء هنا. عمل رائع!', selected: '{n} محدد', history: 'منشور {p} · مرفوض {r} · بلاغات {k}', guest: '{name} (زائر، مستورد)', modelScore: 'النموذج {score} (الإصدار {v})',
    replyTo: 'ردًّا على {name}:', reports: 'بلاغات القراء', hidden: 'مخفي بالبلاغات', claimed: 'محجوز لـ {who}',
    done: 'تم.', failed: 'تعذّر: {why}', claimedN: 'حجزت {n} تعليقات لمدة دقيقتين.', noToken: 'الصق رمزًا أولًا.',
    notModerator: 'هذا الرمز ليس لمشرف.', badToken: 'الرمز غير صالح أو منتهٍ.',
    user: 'القارئ', ban: 'حظر', unban: 'رفع الحظر', banUntil: 'حتى (اختياري)', banReject: 'ارفض كل تعليقاته',
    premod: 'مراجعة مسبقة لتعليقاته', trusted: 'قارئ موثوق', notes: 'ملاحظات المشرفين', addNote: 'أضف ملاحظة', recent: 'آخر تعليقاته',
    save: 'حفظ', saved: 'حُفظ.', list: 'القائمة', banned: 'محظورة', suspect: 'مشبوهة', conflict: 'عدّل أحدهم القائمة؛ أعد تحميلها.',
    when: 'الوقت', actor: 'المنفذ', action: 'الإجراء', comment: 'التعليق', status: 'الحالة', reason: 'السبب',
    version: 'الإصدار', origin: 'المصدر', created: 'أُنشئ', macroF1: 'Macro-F1', active: 'نشط', activate: 'تفعيل', train: 'درّب إصدارًا جديدًا',
    since: 'قرارات المشرفين منذ (اختياري)', training: 'التدريب: {stage} {p}%', trained: 'الإصدار {v}: {outcome}', force: 'فعّله ولو لم يتفوق',
    agreement: 'اتفاق النموذج مع المشرفين (آخر {d} يومًا)', decisions: 'قرارات', holds: 'التعليق عند {t}', rejects: 'الرفض عند {t}',
    precisionRecall: 'الدقة {p} · الاستدعاء {r} · {n} تعليقًا',
    oldest: 'عمر أقدم تعليق معلّق', median: 'وسيط زمن القرار', perDay: 'القرارات لكل مشرف يوميًا', seconds: '{n} ث',
    keys: { 'j / k': 'التالي / السابق', a: 'اعتماد', r: 'رفض مع سبب', f: 'تمييز', x: 'تحديد', u: 'ملف القارئ', '?': 'هذه القائمة' }
  },
  en: {
    brand: 'Hiwar · Moderation', signOut: 'Sign out', signInTitle: 'Moderator sign-in', tokenLabel: 'Sign-in token (JWT) from the publisher’s login',
    signIn: 'Sign in', devSignIn: 'Sign in as demo moderator', search: 'Search text', claim: 'Claim next batch',
    approveSelected: 'Approve selected', rejectSelected: 'Reject selected', shortcuts: 'Shortcuts', more: 'More', cancel: 'Cancel',
    reject: 'Reject', approve: 'Approve', feature: 'Feature', featured: 'Featured', unfeature: 'Unfeature', rejectWhy: 'Reason for rejecting', close: 'Close',
    queues: { pending: 'Pending', reported: 'Reported', rejected: 'Rejected', approved: 'Published', all: 'All' },
    statuses: { pending: 'pending', published: 'published', rejected: 'rejected', deleted: 'deleted' },
    admin: { newsroom: 'Newsroom', campaigns: 'Campaigns', wordlists: 'Word lists', models: 'Model', audit: 'Audit log', stats: 'Stats' },
    modes: { post: 'Post-moderation', pre: 'Everyone pre-moderated', 'pre-new': 'New readers pre-moderated' }, modeBy: 'Set by {who} at {when}',
    modeHelp: { post: 'Comments publish unless a rule holds them.', pre: 'Every comment waits for a moderator, trusted readers’ too.', 'pre-new': 'Comments of readers not yet established wait for a moderator.' },
    siteMode: 'Site moderation mode', hot: 'Hot articles', article: 'Article', step: 'Step', perMinute: 'Comments / reports per minute',
    heldShare: 'Held share', stepSince: 'Since', newcomers: 'New commenters per minute', pinTo: 'Pin to…', pinFor: 'Pin {a}', pinned: 'pinned', release: 'Release',
    calmNow: 'No hot articles right now.', steps: { normal: 'normal', slow: 'slow', held: 'held', closed: 'paused' },
    noCampaigns: 'No coordinated campaigns right now.', campaignFigures: '{n} comments from {a} accounts on {k} articles · {p} pending · {from} to {to}',
    campaignStatus: { approved: 'approved', rejected: 'rejected' }, approveAll: 'Approve all', rejectAll: 'Reject all', rejectBanAll: 'Reject all and ban the accounts',
    campaignDone: 'Decided {n} comments, banned {b} accounts.', campaignGrew: 'The campaign grew since you saw it; look again.',
    holdReasons: { rejections: 'Held for rejected comments', reports: 'Held for reports' }, holdSince: 'since {when} ({figures})', releaseHold: 'Lift the hold',
    reasons: { spam: 'Spam', abuse: 'Abuse', hate: 'Hate', harassment: 'Harassment', 'off-topic': 'Off-topic', 'personal-data': 'Personal data', other: 'Other' },
    empty: 'Nothing here. Well done!', selected: '{n} selected', history: 'published {p} · rejected {r} · reports {k}', guest: '{name} (imported guest)', modelScore: 'model {score} (v{v})',
    replyTo: 'Replying to {name}:', reports: 'Readers’ reports', hidden: 'Hidden by reports', claimed: 'Claimed by {who}',
    done: 'Done.', failed: 'Failed: {why}', claimedN: 'Claimed {n} comments for 2 minutes.', noToken: 'Paste a token first.',
    notModerator: 'This token is not a moderator’s.', badToken: 'The token is invalid or expired.',
    user: 'Reader', ban: 'Ban', unban: 'Lift ban', banUntil: 'Until (optional)', banReject: 'Reject all their comments',
    premod: 'Pre-moderate their comments', trusted: 'Trusted reader', notes: 'Moderator notes', addNote: 'Add note', recent: 'Recent comments',
    save: 'Save', saved: 'Saved.', list: 'List', banned: 'Banned', suspect: 'Suspect', conflict: 'Someone changed the list; reload it.',
    when: 'When', actor: 'Actor', action: 'Action', comment: 'Comment', status: 'Status', reason: 'Reason',
    version: 'Version', origin: 'Origin', created: 'Created', macroF1: 'Macro-F1', active: 'Active', activate: 'Activate', train: 'Train a new version',
    since: 'Moderators’ decisions since (optional)', training: 'Training: {stage} {p}%', trained: 'Version {v}: {outcome}', force: 'Activate even if not better',
    agreement: 'Model agreement with moderators (last {d} days)', decisions: 'Decisions', holds: 'Holds at {t}', rejects: 'Rejects at {t}',
    precisionRecall: 'precision {p} · recall {r} · {n} comments',
    oldest: 'Oldest pending', median: 'Median time to decision', perDay: 'Decisions per moderator per day', seconds: '{n} s',
    keys: { 'j / k': 'next / previous', a: 'approve', r: 'reject with a reason', f: 'feature', x: 'select', u: 'reader profile', '?': 'this list' }
  }
};


function applyLang() {
  document.documentElement.lang = state.lang;
  document.documentElement.dir = state.lang === 'ar' ? 'rtl' : 'ltr';
  $('lang').textContent = state.lang === 'ar' ? 'English' : 'العربية';
  document.querySelectorAll('[data-i18n]').forEach((n) => { n.textContent = m()[n.dataset.i18n]; });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((n) => { n.placeholder = m()[n.dataset.i18nPlaceholder]; });
  $('reject-reasons').replaceChildren(...REJECT_REASONS.map((r, i) => el('label', null,
    el('input', { type: 'radio', name: 'reason', value: r, checked: i === 0 }), ' ' + (i + 1) + '. ' + (m().reasons[r] || r))));
  $('help-keys').replaceChildren(...Object.entries(m().keys).flatMap(([k, v]) => [el('dt', null, el('kbd', { text: k })), el('dd', { text: v })]));
  if (state.token) { renderTabs(); show(state.view); }
}
