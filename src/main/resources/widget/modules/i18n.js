// Messages in Arabic and English, and the plural and number formatting that uses them.
const MESSAGES = {
  ar: {
    title: 'التعليقات',
    count: { zero: 'لا تعليقات بعد', one: 'تعليق واحد', two: 'تعليقان', few: '{n} تعليقات', many: '{n} تعليقًا', other: '{n} تعليق' },
    replies: { zero: 'لا ردود', one: 'رد واحد', two: 'ردّان', few: '{n} ردود', many: '{n} ردًّا', other: '{n} رد' },
    newComments: { zero: '', one: 'تعليق جديد واحد — اعرضه', two: 'تعليقان جديدان — اعرضهما', few: '{n} تعليقات جديدة — اعرضها', many: '{n} تعليقًا جديدًا — اعرضها', other: '{n} تعليق جديد — اعرضها' },
    sort: 'ترتيب', newest: 'الأحدث', oldest: 'الأقدم', top: 'الأكثر إعجابًا',
    placeholder: 'شارك برأيك…', compose: 'اكتب تعليقك', post: 'نشر', posting: 'جارٍ النشر…',
    signIn: 'سجّل الدخول للتعليق', replyingTo: 'ردًّا على {name}', cancel: 'إلغاء',
    reply: 'رد', edit: 'تعديل', save: 'حفظ', delete: 'حذف', confirmDelete: 'تأكيد الحذف؟',
    like: 'إعجاب', likes: 'إعجاب: {n}', report: 'إبلاغ', reported: 'تم الإبلاغ',
    more: 'عرض المزيد من التعليقات', moreReplies: 'عرض {replies}', anonymous: 'قارئ', you: 'أنت',
    deleted: 'حُذف هذا التعليق.', pending: 'بانتظار المراجعة',
    pendingMsg: 'شكرًا لك! سيظهر تعليقك للجميع بعد أن يراجعه أحد المشرفين.',
    hidden: 'مخفي مؤقتًا إلى أن يراجعه مشرف بعد بلاغات من القراء.',
    rejectedMsg: 'لم يُنشر تعليقك لأنه لا يتوافق مع إرشادات المجتمع. يمكنك تعديل نصه والمحاولة مرة أخرى.',
    featured: 'مختار', edited: 'مُعدَّل', closed: 'أُغلق باب التعليق على هذا المقال.',
    paceSlow: 'التعليقات أبطأ الآن: يمكن لكل قارئ أن يعلّق مرة كل {wait}.', paceHeld: 'التعليقات كثيرة الآن، فيراجعها المشرفون قبل نشرها.',
    paceClosed: 'التعليقات متوقفة مؤقتًا على هذا المقال.', paceWait: 'التعليقات أبطأ الآن: يمكنك التعليق مجددًا بعد {seconds}.',
    rateLimited: 'تمهّل قليلًا: يمكنك المحاولة بعد {seconds}.', seconds: { one: 'ثانية واحدة', two: 'ثانيتين', few: '{n} ثوانٍ', many: '{n} ثانية', other: '{n} ثانية', zero: '{n} ثانية' },
    error: 'تعذّر ذلك الآن. حاول مرة أخرى بعد قليل.', stale: 'تغيّر التعليق منذ فتحته؛ أعد تحميل الصفحة.',
    editClosed: 'انتهت مهلة التعديل.', loadFailed: 'تعذّر تحميل التعليقات.', retry: 'أعد المحاولة',
    reportTitle: 'لماذا تبلغ عن هذا التعليق؟', reportNote: 'ملاحظة (اختياري)', send: 'إرسال',
    reasons: { spam: 'رسائل مزعجة أو إعلان', abuse: 'إساءة أو تحرش', hate: 'خطاب كراهية', 'off-topic': 'خارج الموضوع', 'personal-data': 'بيانات شخصية', other: 'سبب آخر' },
    alreadyReported: 'سبق أن أبلغت عن هذا التعليق.', thanksReport: 'شكرًا، سيراجع المشرفون البلاغ.',
    ownComment: 'لا يمكنك فعل ذلك بتعليقك.', live: 'تحديثات مباشرة',
    emailPrefs: 'إشعارات البريد', emailTitle: 'راسلني بالبريد حين…', emailReplies: 'يردّ أحد على تعليقاتي',
    emailDecisions: 'يقرّر المشرفون في تعليقاتي', off: 'أبدًا', instant: 'فورًا', digest: 'في ملخّص يومي',
    saved: 'حُفظت اختياراتك.', noEmail: 'لا يحمل حسابك عنوان بريد موثّقًا، فلا يمكن مراسلتك.',
    emailOff: 'لا يرسل هذا الموقع رسائل بريد.',
    invalidText: 'تعذّر قبول النص كما هو: قد يكون طويلًا جدًا (الحد {max} حرف) أو فارغًا أو فيه رموز تحكم غير مرئية.'
  },
  en: {
    title: 'Comments',
    count: { zero: 'No comments yet', one: '1 comment', other: '{n} comments' },
    replies: { one: '1 reply', other: '{n} replies' },
    newComments: { one: '1 new comment — show it', other: '{n} new comments — show them' },
    sort: 'Sort', newest: 'Newest', oldest: 'Oldest', top: 'Most liked',
    placeholder: 'Share your view…', compose: 'Write your comment', post: 'Post', posting: 'Posting…',
    signIn: 'Sign in to comment', replyingTo: 'Replying to {name}', cancel: 'Cancel',
    reply: 'Reply', edit: 'Edit', save: 'Save', delete: 'Delete', confirmDelete: 'Really delete?',
    like: 'Like', likes: 'Likes: {n}', report: 'Report', reported: 'Reported',
    more: 'Show more comments', moreReplies: 'Show {replies}', anonymous: 'Reader', you: 'You',
    deleted: 'This comment was deleted.', pending: 'Awaiting review',
    pendingMsg: 'Thank you! Your comment will appear to everyone once a moderator has reviewed it.',
    hidden: 'Hidden for now, until a moderator reviews readers’ reports.',
    rejectedMsg: 'Your comment was not published because it does not fit the community guidelines. You can edit it and try again.',
    featured: 'Featured', edited: 'edited', closed: 'Comments are closed on this article.',
    paceSlow: 'Comments are slower right now: each reader can comment once every {wait}.', paceHeld: 'Comments are busy right now, so moderators review them before they appear.',
    paceClosed: 'Comments are paused on this article for now.', paceWait: 'Comments are slower right now: you can comment again in {seconds}.',
    rateLimited: 'Slow down a little: you can try again in {seconds}.', seconds: { one: '1 second', other: '{n} seconds' },
    error: 'That did not work just now. Please try again shortly.', stale: 'This comment changed since you opened it; reload the page.',
    editClosed: 'The edit window has closed.', loadFailed: 'Comments could not be loaded.', retry: 'Try again',
    reportTitle: 'Why are you reporting this comment?', reportNote: 'Note (optional)', send: 'Send',
    reasons: { spam: 'Spam or advertising', abuse: 'Abuse or harassment', hate: 'Hate speech', 'off-topic': 'Off-topic', 'personal-data': 'Personal data', other: 'Something else' },
    alreadyReported: 'You already reported this comment.', thanksReport: 'Thanks, moderators will review the report.',
    ownComment: 'You cannot do that to your own comment.', live: 'Live updates',
    emailPrefs: 'Email notifications', emailTitle: 'Email me when…', emailReplies: 'someone replies to my comments',
    emailDecisions: 'moderators decide on my comments', off: 'Never', instant: 'At once', digest: 'In a daily digest',
    saved: 'Your choices are saved.', noEmail: 'Your account carries no verified email address, so we cannot email you.',
    emailOff: 'This site does not send email.',
    invalidText: 'The text could not be accepted as it is: it may be too long ({max} characters at most), empty, or contain invisible control characters.'
  }
};

/** Message lookup on the widget (this.m, this.plural, this.number). */
const I18n = {
  t(key, vars) {
    let s = this.m[key];
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace('{' + k + '}', () => String(v)); // a function: names may hold $& or $`
    return s;
  },

  count(key, n) {
    const forms = this.m[key];
    const form = (n === 0 && forms.zero !== undefined) ? forms.zero : (forms[this.plural.select(n)] || forms.other);
    return form.replace('{n}', () => this.number.format(n));
  }
};
