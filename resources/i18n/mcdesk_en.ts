<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnnotatedPdf</name>
    <message numerus="yes">
        <source>%n comment(s) on this page</source>
        <translation>
            <numerusform>%n comment on this page</numerusform>
            <numerusform>%n comments on this page</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationTimeline</name>
    <message numerus="yes">
        <source>%n comment(s) on the timeline</source>
        <translation>
            <numerusform>%n comment on the timeline</numerusform>
            <numerusform>%n comments on the timeline</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnswerVersionsDialog</name>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BadgesPage</name>
    <message numerus="yes">
        <source>%n badge(s) imported</source>
        <translation>
            <numerusform>%n badge imported</numerusform>
            <numerusform>%n badges imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already here</source>
        <translation>
            <numerusform>%n already here</numerusform>
            <numerusform>%n already here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n did not verify (see why in its detail)</source>
        <translation>
            <numerusform>%n did not verify (see why in its detail)</numerusform>
            <numerusform>%n did not verify (see why in their details)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message numerus="yes">
        <source>Available offline now: %n file(s), %1 already here.</source>
        <translation>
            <numerusform>Available offline now: %n file, %1 already here.</numerusform>
            <numerusform>Available offline now: %n files, %1 already here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new version(s)</source>
        <translation>
            <numerusform>%n new version</numerusform>
            <numerusform>%n new versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older version(s) kept</source>
        <translation>
            <numerusform>%n older version kept</numerusform>
            <numerusform>%n older versions kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckCounts</name>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add at least %n more word(s).</source>
        <translation>
            <numerusform>Add at least %n more word.</numerusform>
            <numerusform>Add at least %n more words.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut at least %n word(s).</source>
        <translation>
            <numerusform>Cut at least %n word.</numerusform>
            <numerusform>Cut at least %n words.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{amount} item(s)</source>
        <translation>
            <numerusform>{amount} item</numerusform>
            <numerusform>{amount} items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) attached; this criterion asks for {asked}.</source>
        <translation>
            <numerusform>%n item attached; this criterion asks for {asked}.</numerusform>
            <numerusform>%n items attached; this criterion asks for {asked}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) attached; this criterion accepts at most {max}.</source>
        <translation>
            <numerusform>%n item attached; this criterion accepts at most {max}.</numerusform>
            <numerusform>%n items attached; this criterion accepts at most {max}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attach %n more.</source>
        <translation>
            <numerusform>Attach %n more.</numerusform>
            <numerusform>Attach %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n strongest item(s)</source>
        <translation>
            <numerusform>%n strongest item</numerusform>
            <numerusform>%n strongest items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountedWords</name>
    <message numerus="yes">
        <source>%n face(s) blurred</source>
        <translation>
            <numerusform>%n face blurred</numerusform>
            <numerusform>%n faces blurred</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n area(s) blacked out</source>
        <translation>
            <numerusform>%n area blacked out</numerusform>
            <numerusform>%n areas blacked out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecidePage</name>
    <message numerus="yes">
        <source>Disagree across the passing level on %n criterion(s)</source>
        <translation>
            <numerusform>Disagree across the passing level on %n criterion</numerusform>
            <numerusform>Disagree across the passing level on %n criteria</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftEditor</name>
    <message numerus="yes">
        <source> %n thing(s) to look over.</source>
        <translation>
            <numerusform> %n thing to look over.</numerusform>
            <numerusform> %n things to look over.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 criteria done. %n thing(s) must be fixed before you send it; click one to go there.</source>
        <translation>
            <numerusform>%1 of %2 criteria done. %n thing must be fixed before you send it; click it to go there.</numerusform>
            <numerusform>%1 of %2 criteria done. %n things must be fixed before you send it; click one to go there.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftsPage</name>
    <message numerus="yes">
        <source>Imported a review of %1, attempt %2: %n comment(s) for you.</source>
        <translation>
            <numerusform>Imported a review of %1, attempt %2: %n comment for you.</numerusform>
            <numerusform>Imported a review of %1, attempt %2: %n comments for you.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message numerus="yes">
        <source>%1 (%n micro-credential(s))</source>
        <translation>
            <numerusform>%1 (%n micro-credential)</numerusform>
            <numerusform>%1 (%n micro-credentials)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanCounts</name>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>overdue by %n day</numerusform>
            <numerusform>overdue by %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>due in %n day(s)</source>
        <translation>
            <numerusform>due in %n day</numerusform>
            <numerusform>due in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due within %1 days</source>
        <translation>
            <numerusform>%n due within %1 days</numerusform>
            <numerusform>%n due within %1 days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message numerus="yes">
        <source>%n micro-credential(s) added to your plan, by %1; move each date as you like.</source>
        <translation>
            <numerusform>%n micro-credential added to your plan, by %1; move each date as you like.</numerusform>
            <numerusform>%n micro-credentials added to your plan, by %1; move each date as you like.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message numerus="yes">
        <source>%n micro-credential(s) need you soon:</source>
        <translation>
            <numerusform>%n micro-credential needs you soon:</numerusform>
            <numerusform>%n micro-credentials need you soon:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <source>%n need(s) you: see Sync</source>
        <translation>
            <numerusform>%n needs you: see Sync</numerusform>
            <numerusform>%n need you: see Sync</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reviews: %n new submission(s) to review</source>
        <translation>
            <numerusform>Reviews: %n new submission to review</numerusform>
            <numerusform>Reviews: %n new submissions to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) sent.</source>
        <translation>
            <numerusform>%n review sent.</numerusform>
            <numerusform>%n reviews sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) sent</source>
        <translation>
            <numerusform>%n decision sent</numerusform>
            <numerusform>%n decisions sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n calibration item(s) added</source>
        <translation>
            <numerusform>%n calibration item added</numerusform>
            <numerusform>%n calibration items added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n calibration item(s) taken out</source>
        <translation>
            <numerusform>%n calibration item taken out</numerusform>
            <numerusform>%n calibration items taken out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_CountWords</name>
    <message numerus="yes">
        <source>%n word(s) (%1–%2)</source>
        <translation>
            <numerusform>%n word (%1–%2)</numerusform>
            <numerusform>%n words (%1–%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) (up to %1)</source>
        <translation>
            <numerusform>%n word (up to %1)</numerusform>
            <numerusform>%n words (up to %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) (at least %1)</source>
        <translation>
            <numerusform>%n word (at least %1)</numerusform>
            <numerusform>%n words (at least %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
</context>
</TS>
