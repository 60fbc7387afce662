#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2, the shape WordPress 6's exporter gives it) with N comments
for bench/import.sh: COMMENTS comments on posts of PER_POST each, three in ten replies (chains up
to five deep), 90 % approved, 5 % held, 3 % spam, 2 % trash, one in five by a registered user.
Deterministic (a fixed seed): the same arguments give the same bytes.
    bench/wxr-generate.py COMMENTS PER_POST OUT.xml"""
import random
import sys

comments, per_post, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rnd = random.Random(16)
words = ("الخبر مهم جدا ونشكر الصحيفة على التغطية الدقيقة للأحداث في المدينة اليوم والحكومة "
         "مطالبة بتوضيح الأسباب وراء القرار الأخير الذي أثار نقاشا واسعا بين القراء").split()
statuses = ["1"] * 90 + ["0"] * 5 + ["spam"] * 3 + ["trash"] * 2
with open(out, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            '\t<title>bench</title>\n\t<link>https://bench.example</link>\n\t<wp:wxr_version>1.2</wp:wxr_version>\n'
            '\t<wp:base_site_url>https://bench.example</wp:base_site_url>\n')
    cid = 0
    post = 0
    while cid < comments:
        post += 1
        f.write(f'\t<item>\n\t\t<title><![CDATA[مقال رقم {post}]]></title>\n\t\t<link>https://bench.example/?p={post}</link>\n'
                f'\t\t<wp:post_id>{post}</wp:post_id>\n\t\t<wp:comment_status><![CDATA[open]]></wp:comment_status>\n'
                f'\t\t<wp:status><![CDATA[publish]]></wp:status>\n\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n')
        in_post = []
        for _ in range(min(per_post, comments - cid)):
            cid += 1
            parent = rnd.choice(in_post[-5:]) if in_post and rnd.random() < 0.3 else 0
            user = rnd.randint(1, 20000) if rnd.random() < 0.2 else 0
            body = " ".join(rnd.choice(words) for _ in range(rnd.randint(8, 40)))
            minute = cid % 60
            f.write(f'\t\t<wp:comment>\n\t\t\t<wp:comment_id>{cid}</wp:comment_id>\n'
                    f'\t\t\t<wp:comment_author><![CDATA[قارئ {cid % 5000}]]></wp:comment_author>\n'
                    f'\t\t\t<wp:comment_author_email><![CDATA[r{cid % 5000}@mail.example]]></wp:comment_author_email>\n'
                    f'\t\t\t<wp:comment_author_url></wp:comment_author_url>\n'
                    f'\t\t\t<wp:comment_author_IP><![CDATA[203.0.113.{cid % 250}]]></wp:comment_author_IP>\n'
                    f'\t\t\t<wp:comment_date><![CDATA[2026-11-30 12:{minute:02d}:00]]></wp:comment_date>\n'
                    f'\t\t\t<wp:comment_date_gmt><![CDATA[2026-11-30 10:{minute:02d}:00]]></wp:comment_date_gmt>\n'
                    f'\t\t\t<wp:comment_content><![CDATA[{body}]]></wp:comment_content>\n'
                    f'\t\t\t<wp:comment_approved><![CDATA[{rnd.choice(statuses)}]]></wp:comment_approved>\n'
                    f'\t\t\t<wp:comment_type><![CDATA[comment]]></wp:comment_type>\n'
                    f'\t\t\t<wp:comment_parent>{parent}</wp:comment_parent>\n'
                    f'\t\t\t<wp:comment_user_id>{user}</wp:comment_user_id>\n\t\t</wp:comment>\n')
            in_post.append(cid)
        f.write('\t</item>\n')
    f.write('</channel>\n</rss>\n')
