<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AgreementChart</name>
    <message>
        <source>exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within one level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kappa</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotatedImage</name>
    <message>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag on the picture to comment on a part of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment on the whole picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotatedPdf</name>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment on this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment on the whole document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag on the page to comment on a part of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a PDF or it is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is protected by a password; ask for a copy without one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is locked in a way this computer cannot open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no pages or cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be shown: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) on this page</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotatedText</name>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select words to comment on them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment on the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment on the selected words (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment on the whole text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotatedVideo</name>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One frame back (,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One frame forward (.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a range (I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks where a range starts; press O (or this button again) where it ends. You can also drag on the timeline with Shift held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment here (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a comment at this moment (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the range here (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound recording: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be played: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is damaged or in a format this computer cannot play</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Choose a piece of evidence or an answer to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file of this piece is not on this computer, so it cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the link in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown as plain text; open it to see its layout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kind of document cannot be shown here; open it in its own app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments on it are about the whole document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in its own app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to show for this piece.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comments on this piece.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comments yet. Press C (or “Comment here”) at a moment, or I and then O to comment on a range; Shift+drag on the timeline works too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comments yet. Use “Comment on this page”, or drag on the page to comment on a part of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comments yet. Drag on the picture to comment on a part of it, or comment on the whole picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comments yet. Select words in the text and choose “Comment on the selection”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comments yet. Use “Comment on the whole piece”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save or cancel this comment before starting another.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationTimeline</name>
    <message>
        <source>Timeline</source>
        <extracomment>Room left and right of the bar so that a marker at the very start or end shows whole.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) on the timeline</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>; selected: %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Annotations</name>
    <message>
        <source>a criterion not in this rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnswerVersionsDialog</name>
    <message>
        <source>Earlier versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AreasDialog</name>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop looking; you can still mark areas yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an area in the middle of the picture (Insert), then move and resize it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected area (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag on the picture to mark an area. Click an area to select it: drag it to move it, drag a corner to resize it, press Delete to remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This evidence has no picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessorsPage</name>
    <message>
        <source>Assessor pools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micro-credential and assessors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement per assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within one level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement per micro-credential and criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micro-credential and criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours to decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often each assessor gives the same level as the others on the same work (exact), within one level, and linear-weighted Cohen&apos;s kappa; Krippendorff&apos;s alpha where three or more scored the same criterion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pools and calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing pulled yet.

With an issuer staff token, Sync brings each micro-credential&apos;s assessor pools, who is calibrated, and how well the assessors agree; they stay readable offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, as of the sync of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>experts (%1 of the first %2 submissions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peers, %1 per submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no calibration set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calibration set of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— every assessor, until experts are named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>released (exact %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held back: %1 of %2 scored, exact %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BadgeDetail</name>
    <message>
        <source>Badge picture with the credential inside (PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge picture with the credential inside (SVG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential itself (JSON)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate to print (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the signature and dates again, offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the badge to show anywhere: a picture with the credential inside, the credential itself, or a certificate to print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by %1 · earned %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked offline on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hours under %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received with Sync from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported from the file %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BadgesPage</name>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a badge you received another way: a .json, .jwt, baked .png or .svg file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your in-service hours for a date range, as PDF or CSV, for your district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognition rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How your district or state turns micro-credentials into in-service hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earned badges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a badge on the left to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No badges yet.

Badges you earn arrive here with Sync, verified on arrival: show them anywhere, follow your stacks, and take a transcript of in-service hours to your district.

A badge someone sent you (a .json, .jwt, or a badge picture) can be imported: press Import… or drop the files here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a badge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in-service hours (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import badges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badges and credentials (%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n badge(s) imported</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already here</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n did not verify (see why in its detail)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Share the badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript saved to %1: %2 credentials, %3 hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlurFacesDialog</name>
    <message>
        <source>Blur faces in “%1”</source>
        <extracomment>Photos larger than this (longest side, pixels) are shown scaled down; areas stay in the photo&apos;s own pixels. Wait this long after the time slider stops before decoding the frame (milliseconds). A region counts as showing on a frame if the frame is this close to its span (seconds). Slider steps per second of video.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make blurred copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcdesk looks for faces in the video and lists when each one shows. Pick one to see it and adjust its area; add an area for any face mcdesk missed. mcdesk then makes a new, blurred copy; your original stays untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcdesk looks for faces and marks them. Check the marked areas, and add one for any face mcdesk missed. mcdesk then makes a new, blurred copy; your original stays untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faces found, by time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Faces to blur:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not blur this face (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;rame at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add area on this frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long new areas are blurred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long an area you add is blurred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for the whole video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag on the frame to mark a face mcdesk missed. Click an area to select it: drag it to move it, drag a corner to resize it, press Delete to remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for faces…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the list, and remove any face that needs no blurring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No faces found. If someone can be recognised, move to a frame where they show and drag over their face.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the marked areas and add any face mcdesk missed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No faces found. If someone can be recognised, drag over their face.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found one face.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found %1 faces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcdesk could not look for faces: %1. You can still mark them yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped looking for faces. Mark the faces yourself by dragging over them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This frame cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This frame cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face %1 · %2–%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(added by you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only from %1 to %2, like the selected face</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>Search micro-credentials (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import micro-credentials from an Open Badges 3.0 file or an mcdesk catalog (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micro-credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a catalog file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stack:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start gathering your submission for this micro-credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a micro-credential on the left to read its competency, key method, submission criteria and scoring rubric.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your portfolio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All issuers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported micro-credentials appear here with every part: competency, key method, submission criteria and scoring rubric.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your catalog is empty.

Import the micro-credentials your issuer published: an Open Badges 3.0 achievement or an mcdesk catalog file (.json). You can also drop the file here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No micro-credentials match your search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 micro-credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (newest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import micro-credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Badges or mcdesk catalog (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported micro-credentials: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcdesk reads the database and every stored evidence file to make sure nothing is damaged or missing. Nothing is deleted: anything out of place goes to the trash folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repairing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked the database and %1 stored files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is in order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some problems need attention; press Repair to fix what mcdesk can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check could not finish: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check was stopped. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChooseMicroCredentialDialog</name>
    <message>
        <source>Start a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which micro-credential are you working toward?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micro-credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the draft</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoachingDialog</name>
    <message>
        <source>Your coach&apos;s feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubric criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coach&apos;s practice score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your self-assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your coach&apos;s comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept the suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the suggested caption beside the evidence, or add the suggested clip to the draft, in one step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{coach} left {comments} comments and {scores} practice scores. Practice scores are only for you: they are never sent to the issuer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your coach&apos;s notes from the lesson are lined up on your video ({count} notes). For comments on this draft, send it with File → Export for my coach….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feedback from a coach yet. Send them this draft with File → Export for my coach…, then import the bundle they give back with File → Import an exchange bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evidence not here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation note · {where} · {at}
{text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested caption: “{caption}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested clip: {range}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (accepted)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoachingPage</name>
    <message>
        <source>Import a bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A teacher&apos;s draft (or notes and evidence) handed over as an exchange bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts to coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No drafts to coach yet.

Ask the teacher for an exchange bundle of their draft (File → Export for my coach… in their mcdesk), then press Import a bundle… or drop the file here. You can then comment on their video, documents, photos and answers and give practice scores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence and answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest a caption…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words the teacher can put beside this evidence with one click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for the teacher…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your comments and practice scores in a bundle the teacher imports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a draft on the left to coach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}
{mc}, attempt {attempt}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: {mc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} ({kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest a caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A caption the teacher can put beside “{title}”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A caption you could put beside this evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an exchange bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {file}: {added} evidence added, {already} already here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for the teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {file}: {comments} comments and {scores} practice scores for the teacher.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommentEditor</name>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you noticed, and why it matters for the criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubric criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for the issuer (the earner won&apos;t see it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New comment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Esc (or Cancel) again to throw away what you wrote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click again to delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a few words first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A comment holds at most %1 characters; this one has %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommentList</name>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why you decide against the rubric, or before every review is in (recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It goes to the issuer with the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The earner&apos;s feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rubric rule needs a level for every criterion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By the rubric: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 reviews are in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not every review is in yet: write why you decide now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rubric says otherwise: write why you decide against it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompressDialog</name>
    <message>
        <source>Make “%1” smaller</source>
        <extracomment>Picture heights offered, tallest first (None keeps the original size). Video kb/s for &quot;Smaller file&quot;, &quot;Balanced&quot;, &quot;Better picture&quot; at each height (H.264). The lowest video rate offered when fitting a size limit; below it a video is mush. Default size limit offered, in MB.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A smaller video uploads faster and fits the issuer&apos;s limits. mcdesk makes a new, smaller copy; your original stays untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — same as your video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — larger than your video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your video is %1 pixels tall; mcdesk does not make it larger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good enough to see what happens in the room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear picture at a reasonable size (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Better picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharper picture, larger file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit under:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcdesk picks the best quality that stays under this size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest file size in megabytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make smaller copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the original size (%1 × %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the original size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full HD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DVD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>small screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1p (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcdesk does not know how long this video is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run File → Check portfolio, or add the video again, then try once more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1 (now %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of video at %2 kb/s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Even the smallest setting is larger than %1. Trim the video first, or choose a smaller picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That would not make the file smaller: the video is already compact. Choose a smaller picture size or “Smaller file”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>mcdesk hit a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your work is saved: nothing you made was lost.
If it happens again, copy the details below and send them to whoever supports mcdesk for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CriterionCard</name>
    <message>
        <source>Judged by “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: to pass, %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessors&apos; feedback on your last attempt: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CriterionEditor</name>
    <message>
        <source>Level for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose a level —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the teacher reads about this criterion</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CriterionScoreBox</name>
    <message>
        <source>strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  — passing level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback for the earner on this criterion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was strong, what to work on. Draw from your comments below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments tagged %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the chosen comment to the feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your comments tagged with this criterion (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comments tagged with this criterion yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reaches the passing level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below the passing level</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecidePage</name>
    <message>
        <source>Submissions waiting for a decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a submission on the left to see its reviews.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waits for a decision.

Submissions whose reviews are in arrive here with Sync, with their reviews, and stay readable offline. Decide, compose the teacher&apos;s feedback, and the decision goes out with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 reviews in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1 · received %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Disagree across the passing level on %n criterion(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision queued: goes out with the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The issuer refused the decision: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — attempt %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision queued: it goes to the issuer with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionBox</name>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide differently from the rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why you decide differently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why you decide differently from the rubric (required; the issuer reads it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish and send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the review and send it with the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export review file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the finished review as a file to carry to the issuer by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;By the rubric:&lt;/b&gt; choose a level for every criterion to see the decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;By the rubric: %1&lt;/b&gt; (earned when every criterion reaches its passing level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before you finish: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftEditor</name>
    <message>
        <source>Build package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the next attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the assessors said…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback per criterion and the comments on your own evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coaching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your coach&apos;s comments on your evidence and practice scores beside the rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put it in the outbox: it goes to the issuing server now or whenever a connection exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What still needs doing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to send?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your evidence — drag onto a criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package built</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent, waiting for assessors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1 of %2 · %3 · version %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your self-assessment against the rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How would you score yourself? It stays with your draft and helps you see what to strengthen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-assessment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (passing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Ready to package: every criterion is answered and nothing private is left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %1 thing(s) to look over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 criteria done. %3 thing(s) must be fixed before you send it; click one to go there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftsPage</name>
    <message>
        <source>New draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a submission package someone gave you (a .zip), to read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No drafts yet.

Start one for the micro-credential you are working toward: press New draft…, or open a micro-credential in the Catalog and press Start a draft. mcdesk then lists what it asks for, checks what is missing, and saves every word as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a draft on the left to work on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready to package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog has no micro-credential with submission criteria yet: import one in the Catalog first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started a draft for “%1”. Everything you write is saved as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1 starts from your last one, with the assessors&apos; feedback beside each criterion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix what the “Ready to send?” box lists first; then the package can be built.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the submission package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission package (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. No package file was left behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package is saved: %1. A copy of exactly what it holds is kept in your portfolio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a submission package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a review of your submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcdesk review files (*.mcreview);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported a review of %1, attempt %2: %3 comment(s) for you.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryDelegate</name>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceCard</name>
    <message>
        <source>any evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · exactly 1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · exactly %1 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 to %2 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · at least 1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · at least %1 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · up to 1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · up to %1 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing attached yet. Drag evidence here from the list on the right, or press Attach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(evidence no longer available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note for the assessor (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from this criterion</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Evidence at the comment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos and images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not marked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone on camera consented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent not yet given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faces without consent are blurred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A whole folder (a phone or camera card)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names of students, locations in photos, consent: what to fix before sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence yet.

Drop classroom videos, lesson plans, photos of student work or your notes here, or press Add files… A whole phone or camera folder works too. mcdesk keeps a copy; your originals are never changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview for this kind of file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent of the people on camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It shows who I am (hidden from assessors in blind review)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages say so, and an assessor sees this piece only after choosing to show identifying details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. my coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. lesson 3, fractions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Consent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove location and details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blur faces…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Black out areas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a piece of evidence on the left to see it, describe it and make it safe to share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No draft yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 pieces of evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Carries the place where it was taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holds: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Mark whether everyone on camera consented.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing identifying found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made from &lt;a href=&quot;%1&quot;&gt;the original&lt;/a&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions made from it: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an original.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text mcdesk read from this document (for word counts and the name check).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was moved to the trash.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceTools</name>
    <message>
        <source>Add evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence (*.mp4 *.mov *.m4v *.mkv *.webm *.avi *.m4a *.mp3 *.wav *.jpg *.jpeg *.png *.heic *.heif *.webp *.gif *.pdf *.docx *.txt *.md);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a whole folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding was stopped; nothing half-added was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added 1 piece of evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 pieces of evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in your evidence as “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not added: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 file in the folder was skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files in the folder were skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: not evidence mcdesk knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web address (for example a video your school hosts):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. Nothing was changed; no partial file was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made “%1”. The original is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing location and details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blurring faces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blacking out areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trimming the video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compressing the video</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImagePreview</name>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsIndicator</name>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the running job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (+%1 more)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcdesk will be in %1 the next time it starts. Restart now? Your work is saved as you go, so nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineUp</name>
    <message>
        <source>Lesson video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the lesson video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line up by the video&apos;s start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses the time the camera says it started recording and the time the observation started on this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the video to the moment of a note, choose its number and press this: every note moves by the same amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the clips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each clip marked during the lesson becomes a trimmed copy of the video in your evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not lined up yet. Choose the lesson video, then line the notes up by its start time, or play it to a moment you noted and press “This is the note”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by the video&apos;s start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by a matched note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{notes} notes lined up {how}; {made} of {clips} clips made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lesson video</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkPreview</name>
    <message>
        <source>Open in the browser</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Places</source>
        <extracomment>A new portfolio&apos;s sample evidence is made: its AddReport, or the exception.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you are doing today: your own micro-credentials, or reviewing others&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import micro-credentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name on submissions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a &amp;review of my submission…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify a credential…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check portfolio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show portfolio &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About mcdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcdesk could not open your portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the portfolio folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolio: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in the folder was changed or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy of the database as it was is in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier copies of the database are kept in its backups folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the last backup (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the last backup?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcdesk will put the last backup in place of the database it cannot open. Work done after that backup is not in it. The database it replaces is kept in the portfolio&apos;s trash folder, not deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your portfolio is back as it was on its last backup. The database it replaced is kept in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to mcdesk. This new portfolio holds a demo catalog of micro-credentials: pick one on the left to read what it asks for. Sample evidence is being prepared in Evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcdesk was started again on this portfolio: here is its window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name on submissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name your packages carry, so an issuer knows whose work it is.
Assessors do not see it: reviews are blind. Leave empty to send none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Packages you build from now on carry it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About mcdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;mcdesk %1&lt;/b&gt;&lt;p&gt;Educator micro-credentials, offline: gather evidence, check it, package it, send it when a connection exists.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Close notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObservationSession</name>
    <message>
        <source>Observation clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time since the observation started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-fors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-fors (the method components)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type what you see; Enter saves it with the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubric criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tie the next note (or the chosen one) to a criterion of the rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark a stretch of the lesson to keep as a clip of the video: press at its start and again at its end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(seen at {time})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[clip {start}–{end}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[edited on both sides: choose a version]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note {number} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clip started at {time}; press End clip when it is over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note {number} was edited here and on the other laptop. Which words do you keep?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep “{text}” ({who})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObservePage</name>
    <message>
        <source>e.g. Sam Rivera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start observing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts the observation clock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No observations yet.

Before the lesson, write the teacher&apos;s name, pick the micro-credential and press Start observing: its method components become your look-fors, and each note you type is stamped with the time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>During the lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the lesson: the video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for the teacher…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes, the look-fors, the lesson video and its clips in a bundle the teacher imports on their laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start an observation, or pick one on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{teacher}
{mc}
{day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{teacher}: {mc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the teacher&apos;s name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a catalog first: the look-fors come from the micro-credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{title}” is in your evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes are lined up with the video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clips added to your evidence: {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for the teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcdesk exchange bundles (*.mcexchange *.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {file}: {notes} notes and {count} videos for the teacher.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickEvidenceDialog</name>
    <message>
        <source>Attach evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence to attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of your evidence fits here yet. Add it in the Evidence place first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PracticeScores</name>
    <message>
        <source>Practice scores (for the teacher only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you would give each criterion today. They go to the teacher with your comments, never to an issuer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This micro-credential&apos;s rubric is not in your catalog: import the catalog to score against it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Privacy check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking your evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look through all your evidence once more (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names that must not leave this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your students&apos; names, your own and your school&apos;s. mcdesk looks for them in titles, file names and the text of your evidence. The list stays on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names to keep private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name, e.g. Maya Lopez</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who this is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected name from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the name appears</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names found in evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a row to open that evidence, then rename it, edit its text, or black out the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These photos and videos still record where they were taken, which can show where a student lives. Select it in Evidence and choose Remove location: mcdesk makes a copy without it. Double-click a row to go to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence with a location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence records a location. ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone seen in a photo or video must have agreed to be seen by assessors. Select it in Evidence and set its consent, or blur the faces of those who have not agreed. Double-click a row to go to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos and videos without consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every photo and video has consent or blurred faces. ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The privacy check could not finish: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No names yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of these names appears in your evidence. ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add names above and mcdesk shows every place they appear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found in your evidence (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to fix: no names from your list, no locations, and consent for every photo and video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a private name found once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private names found %1 times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one piece of evidence with a location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with a location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one photo or video without consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 photos and videos without consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before you share, look at these: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is on the list; mcdesk is looking for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was removed from the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceivedCommentsDialog</name>
    <message>
        <source>What the assessors said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence with comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Attempt %1: %2.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Attempt %1: what the assessors said.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> No feedback per criterion came back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 comments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comments on your evidence came back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceivedPackageDialog</name>
    <message>
        <source>Received package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 · attempt %2 · every file checked against its hash</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RedactDialog</name>
    <message>
        <source>Black out areas in “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make copy with areas blacked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag over anything that must not be seen: a name on a worksheet, a face, a badge. mcdesk makes a new copy with those areas blacked out; your original stays untouched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegionEditor</name>
    <message>
        <source>Picture with marked areas</source>
        <extracomment>Smallest area (in image pixels) a drag makes; a shorter drag is taken as a click.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an area here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No areas marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One area marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 areas marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One is selected: arrows move it, Shift+arrows resize it, Delete removes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag on the picture or press Insert to add an area; Tab selects the next one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewWorkspace</name>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished, waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent: changed on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Finished.&lt;/b&gt; It goes to %1 with the next sync; until then you can reopen it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last try: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Sent&lt;/b&gt; to %1 on %2. It can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Exported&lt;/b&gt; to a review file on %1. It can no longer change; you can export it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Not sent:&lt;/b&gt; %1 holds a different version of this review (changed elsewhere). Yours was kept and theirs was not overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Closed:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the submission was decided before this review reached the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs: %1; decision %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen to change it</source>
        <extracomment>Time spent is written at least this often while a review is open.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send mine anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the server&apos;s version with yours, knowingly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission criteria and evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The submission is still downloading; it opens here when it has arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criterion %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written answer · %1 words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden for a blind review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The earner marked this piece as identifying. Show identifying details to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1 · version %2%3 · %4 · time spent %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earner: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blind review: the earner&apos;s name and anything marked as identifying are hidden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifying details are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show identifying details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide identifying details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The earner&apos;s caption: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review is finished and waits in the outbox; it is sent with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewsPage</name>
    <message>
        <source>Open a package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review a submission package someone gave you (a .zip file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submissions to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to review yet.

When an issuer assigns you a submission, Sync downloads it here so you can review it without a connection: watch the video, comment on moments, score the rubric.

Someone gave you a package file? Press Open a package… or drop it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try a sample submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a made-up exit-ticket submission with a classroom video to practise on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a submission on the left to review it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished · waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ changed on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a submission package to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission packages (*.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened for review: %1, attempt %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the review to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcdesk review files (*.mcreview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review was saved to %1. Carry it to the issuer; it can no longer change here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Recognition rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How your district or state turns micro-credentials into in-service hours. The active rule counts the hours shown in Badges and in transcripts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Riverbend Unified School District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the hours each micro-credential&apos;s catalog entry gives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> hours a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count only credentials that verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active (the rule used for hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per micro-credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(active)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the rule a name, e.g. your district&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoringPanel</name>
    <message>
        <source>&lt;b&gt;Rubric&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Rubric&lt;/b&gt; — %1 criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Rubric&lt;/b&gt; — this micro-credential&apos;s rubric is not in your catalog.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your program coordinator gives you the server&apos;s address and a token. The token is kept in your computer&apos;s keyring, never in the portfolio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a short name, e.g. riverbend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SideBySideView</name>
    <message>
        <source>Reviews side by side</source>
        <extracomment>A comment was double-clicked: its id (to play the evidence at it).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;background:#f6d58c&apos;&gt;&amp;nbsp;amber&amp;nbsp;&lt;/span&gt; the assessors fall on both sides of the passing level &amp;nbsp; &lt;span style=&apos;background:#e8eef8&apos;&gt;&amp;nbsp;blue&amp;nbsp;&lt;/span&gt; different levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments of the reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a comment to see the evidence at it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>called in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review not in yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — says %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>against the rule: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StackCard</name>
    <message>
        <source>%1 of %2 earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stack complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stack badge received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a draft in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submitted, in review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“not yet”: resubmit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This stack has no micro-credentials in your catalog yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StacksView</name>
    <message>
        <source>No stacks in your catalog yet. Stacks group micro-credentials; when you earn every member of one, the issuer can award the whole stack.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Issuing servers&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a metered network, hold uploads over %1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a phone hotspot or another network that counts data, big videos wait for the school&apos;s or home network; small things still go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to send yet. When a draft is ready, press Send in Drafts: it waits here and goes out whenever a connection exists, even in pieces over several days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ needs you to sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1/s · %2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying again at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review, waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review: changed on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review of %1, attempt %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open it in Reviews to choose what to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: no server yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 need(s) you: see Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the server your program uses first (Add a server…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews: %1 new submission(s) to review, %2 review(s) sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync finished: everything that could go went.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server needs you to sign in again: Sync › Sign in again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync paused; it goes on from where it stopped next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in a file only you can read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in your keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”. Its token is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send over plain http?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the token in a file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token belongs to an account that works as “%1” on “%2”: mcdesk now works that way too (change it under Working as).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft is in the outbox; it goes out now, or whenever a connection exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextCard</name>
    <message>
        <source>Answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier versions…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextPreview</name>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranscriptDialog</name>
    <message>
        <source>Transcript of in-service hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheet (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document to print or send (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours are counted under %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recognition rule is set, so the transcript counts no hours. Set one with Recognition rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrimDialog</name>
    <message>
        <source>Trim video</source>
        <extracomment>The shortest clip the dialog allows, in seconds.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep only the part of “%1” you need. mcdesk makes a new, shorter copy; your original stays untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours:minutes:seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes:seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the beginning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make trimmed copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcdesk does not know how long this video is, so it cannot trim it. Check the portfolio, or add the video again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end must be at least one second after the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole video is chosen (%1): move the start or the end to cut something off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new video will be %1 long (the original is %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify a credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop badge files or folders here: .json, .jwt, or badge pictures (.png, .svg) with the credential inside.
Each is checked offline: its signature, its issuer&apos;s key and its dates. Nothing is added to your portfolio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials to verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badges and credentials (*.json *.jsonld *.jwt *.jws *.png *.svg);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder of credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files could not be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credential files were found there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>? Needs a network check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature matches its issuer and the dates are valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 checked: %2 verified, %3 need a network check, %4 failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VideoPreview</name>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Plain</name>
    <message>
        <source>Text of the piece</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment on the whole piece</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>annotation</name>
    <message>
        <source>Opening a picture</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assessors</name>
    <message>
        <source>Reading the assessors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>badges</name>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a network check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading your badges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the credential again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing the badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading recognition rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the recognition rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the recognition rule</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <source>Loading the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening a micro-credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>coaching</name>
    <message>
        <source>Loading drafts to coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the practice score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the exchange bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the exchange bundle</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>decide</name>
    <message>
        <source>Reading the submissions waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This comment points to no piece of evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The submission&apos;s files are not on this computer yet: sync, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The piece this comment points to is not in the submission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queueing the decision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>drafts</name>
    <message>
        <source>Reading your coach&apos;s feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking the suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading earlier versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the assessors&apos; comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the next attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring a version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attaching evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reordering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving your self-assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>evidence</name>
    <message>
        <source>Loading evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading where evidence is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading a document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for faces in “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing a frame of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renaming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving who the piece shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving your writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving to trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding a link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting new writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding a name to the privacy list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing a name from the privacy list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>exchange</name>
    <message>
        <source>Importing the exchange bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the bundle for your coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an e&amp;xchange bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence, observation notes or coaching from another portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for my &amp;coach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an exchange bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {file}: {added} evidence added, {already} already here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} notes were edited on both sides: both versions are kept for you to choose in Observe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a draft first: your coach comments on a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mc}, attempt {attempt}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for my coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which draft should your coach see?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {file} with the draft and {count} pieces of evidence: give it to your coach.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mc</name>
    <message>
        <source>video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audio recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photo or image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written answer, %1–%2 words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written answer, up to %1 words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written answer, at least %1 words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least %1 × </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>files up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in-service hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an older version, kept for drafts that use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The issuer has not published these parts yet: %1. You can read the criteria and rubric below, but not start a draft for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Research and resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to earn it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of the stack “%1”, %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>judged by “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Levels run from lowest to highest. The passing level of each criterion is marked ✓; a submission is earned when every criterion reaches its passing level, otherwise it is “not yet”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>observe</name>
    <message>
        <source>Loading observations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the look-for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagging the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeping this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the lesson video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lining the notes up with the video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the clips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the bundle for the teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving what you are typing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>owner</name>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>places</name>
    <message>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coaching</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>provenance</name>
    <message>
        <source>teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issuer staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by {who} ({role}), {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured by {who} ({role}), {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, on {portfolio}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reviews</name>
    <message>
        <source>Loading reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening a review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making a sample submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving a score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving a comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting a comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopening the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queueing the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving time spent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer staff</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shell</name>
    <message>
        <source>Opening the portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing sample evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up the portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repairing the portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading your role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switching role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying credentials</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>Reading the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking whose token this is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Putting the draft in the outbox</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
