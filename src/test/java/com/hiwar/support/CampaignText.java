package com.hiwar.support;

import java.util.List;

/** A campaign's message for tests. */
public final class CampaignText {

    private CampaignText() {}

    /** One message as a campaign spells it: marks, tatweel, Persian lookalikes, added words, Arabizi, misspellings. */
    public static final List<String> SPELLINGS = List.of(
            "الحكومة تخفي الحقيقة ولا تصدقوا أي كلمة من بيانها اليوم عن الأسعار",
            "الحُكومةُ تُخفي الحقيقةَ ولا تُصدّقوا أيَّ كلمةٍ من بيانِها اليومَ عن الأسعارِ",
            "الحكـــومة تخفـــي الحقيقـــة ولا تصدقـــوا أي كلمـــة من بيانهـــا اليـــوم عن الأسعـــار",
            "الحکومة تخفی الحقیقة ولا تصدقوا أی کلمة من بیانها الیوم عن الأسعار",
            "يا جماعة الحكومة تخفي الحقيقة ولا تصدقوا أي كلمة من بيانها اليوم عن الأسعار أبدا",
            "el 7okoma to5fi el 7a2i2a wala tsada2o ay kelma men bayanha el yom 3an el as3ar",
            "الحكومة تخفي الحقيقه ولا تصدقوا اي كلمه من بيانها اليوم عن الاسعار",
            "الحكومة تخفي الحقيقة!! ولا تصدقوا أي كلمة من بيانها اليوم عن الأسعار!!!",
            "الحكومة تخفي الحقيييقة ولا تصدقوا أي كلمة من بيانها اليوم عن الأسعار",
            "الحكومه تخفي الحقيقه ولا تصدقوا أي كلمة من بيانها اليوم عن الأسعار والله");
}
