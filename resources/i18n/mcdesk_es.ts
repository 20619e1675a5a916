<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AddToPlanDialog</name>
    <message>
        <source>Add to your plan</source>
        <translation>Agregar a su plan</translation>
    </message>
    <message>
        <source>Move the target date</source>
        <translation>Cambiar la fecha meta</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>Microcredencial</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Fecha meta</translation>
    </message>
    <message>
        <source>The day you aim to send your submission by; mcdesk reminds you as it nears</source>
        <translation>El día en que piensa enviar su entrega; mcdesk se lo recuerda cuando se acerca</translation>
    </message>
    <message>
        <source>Micro-credential:</source>
        <translation>Microcredencial:</translation>
    </message>
    <message>
        <source>&amp;Micro-credential:</source>
        <translation>&amp;Microcredencial:</translation>
    </message>
    <message>
        <source>&amp;Send it by:</source>
        <translation>&amp;Enviarla a más tardar el:</translation>
    </message>
    <message>
        <source>Pick the date on the calendar (the arrow opens it). You can move it later in Plan.</source>
        <translation>Elija la fecha en el calendario (la flecha lo abre). Puede cambiarla después en Plan.</translation>
    </message>
    <message>
        <source>Add to plan</source>
        <translation>Agregar al plan</translation>
    </message>
    <message>
        <source>Move the date</source>
        <translation>Cambiar la fecha</translation>
    </message>
    <message>
        <source>Every micro-credential of your catalog is in your plan already.</source>
        <translation>Todas las microcredenciales de su catálogo ya están en su plan.</translation>
    </message>
</context>
<context>
    <name>AgreementChart</name>
    <message>
        <source>exact</source>
        <translation>exacto</translation>
    </message>
    <message>
        <source>within one level</source>
        <translation>a un nivel o menos</translation>
    </message>
    <message>
        <source>kappa</source>
        <translation>kappa</translation>
    </message>
</context>
<context>
    <name>AnnotatedImage</name>
    <message>
        <source>Picture</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Drag on the picture to comment on a part of it.</source>
        <translation>Arrastre sobre la imagen para comentar una parte.</translation>
    </message>
    <message>
        <source>Comment on the whole picture</source>
        <translation>Comentar toda la imagen</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
</context>
<context>
    <name>AnnotatedPdf</name>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Página anterior (Re Pág)</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Página siguiente (Av Pág)</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Número de página</translation>
    </message>
    <message>
        <source>Comment on this page</source>
        <translation>Comentar esta página</translation>
    </message>
    <message>
        <source>Whole document</source>
        <translation>Todo el documento</translation>
    </message>
    <message>
        <source>Comment on the whole document</source>
        <translation>Comentar todo el documento</translation>
    </message>
    <message>
        <source>Drag on the page to comment on a part of it.</source>
        <translation>Arrastre sobre la página para comentar una parte.</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Page %1…</source>
        <translation>Página %1…</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>Este documento</translation>
    </message>
    <message>
        <source>the file is missing</source>
        <translation>falta el archivo</translation>
    </message>
    <message>
        <source>it is not a PDF or it is damaged</source>
        <translation>no es un PDF o está dañado</translation>
    </message>
    <message>
        <source>it is protected by a password; ask for a copy without one</source>
        <translation>está protegido con contraseña; pida una copia sin ella</translation>
    </message>
    <message>
        <source>it is locked in a way this computer cannot open</source>
        <translation>está bloqueado de una forma que esta computadora no puede abrir</translation>
    </message>
    <message>
        <source>it has no pages or cannot be read</source>
        <translation>no tiene páginas o no se puede leer</translation>
    </message>
    <message>
        <source>%1 cannot be shown: %2.</source>
        <translation>%1 no se puede mostrar: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) on this page</source>
        <translation>
            <numerusform>%n comentario en esta página</numerusform>
            <numerusform>%n comentarios en esta página</numerusform>
        </translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>de %1</translation>
    </message>
</context>
<context>
    <name>AnnotatedText</name>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Select words to comment on them.</source>
        <translation>Seleccione palabras para comentarlas.</translation>
    </message>
    <message>
        <source>Comment on the selection</source>
        <translation>Comentar la selección</translation>
    </message>
    <message>
        <source>Comment on the selected words (Ctrl+M)</source>
        <translation>Comentar las palabras seleccionadas (Ctrl+M)</translation>
    </message>
    <message>
        <source>Comment on the whole text</source>
        <translation>Comentar todo el texto</translation>
    </message>
</context>
<context>
    <name>AnnotatedVideo</name>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>Reproducir o pausar (Espacio)</translation>
    </message>
    <message>
        <source>One frame back (,)</source>
        <translation>Un fotograma atrás (,)</translation>
    </message>
    <message>
        <source>One frame forward (.)</source>
        <translation>Un fotograma adelante (.)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Velocidad de reproducción</translation>
    </message>
    <message>
        <source>Start a range (I)</source>
        <translation>Iniciar tramo (I)</translation>
    </message>
    <message>
        <source>Marks where a range starts; press O (or this button again) where it ends. You can also drag on the timeline with Shift held.</source>
        <translation>Marca dónde empieza un tramo; pulse O (o este botón de nuevo) donde termina. También puede arrastrar sobre la línea de tiempo con Mayús pulsada.</translation>
    </message>
    <message>
        <source>Comment here (C)</source>
        <translation>Comentar aquí (C)</translation>
    </message>
    <message>
        <source>Add a comment at this moment (C)</source>
        <translation>Añadir un comentario en este momento (C)</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Reproductor</translation>
    </message>
    <message>
        <source>End the range here (O)</source>
        <translation>Terminar el tramo aquí (O)</translation>
    </message>
    <message>
        <source>Range from %1</source>
        <translation>Tramo desde %1</translation>
    </message>
    <message>
        <source>Sound recording: %1</source>
        <translation>Grabación de sonido: %1</translation>
    </message>
    <message>
        <source>this file</source>
        <translation>este archivo</translation>
    </message>
    <message>
        <source>%1 cannot be played: %2</source>
        <translation>%1 no se puede reproducir: %2</translation>
    </message>
    <message>
        <source>the file is damaged or in a format this computer cannot play</source>
        <translation>el archivo está dañado o en un formato que esta computadora no puede reproducir</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Choose a piece of evidence or an answer to see it here.</source>
        <translation>Elija una evidencia o una respuesta para verla aquí.</translation>
    </message>
    <message>
        <source>The file of this piece is not on this computer, so it cannot be shown.</source>
        <translation>El archivo de esta evidencia no está en esta computadora, así que no se puede mostrar.</translation>
    </message>
    <message>
        <source>Open the link in the browser</source>
        <translation>Abrir el enlace en el navegador</translation>
    </message>
    <message>
        <source>Shown as plain text; open it to see its layout.</source>
        <translation>Se muestra como texto simple; ábralo para ver su formato.</translation>
    </message>
    <message>
        <source>This kind of document cannot be shown here; open it in its own app.</source>
        <translation>Este tipo de documento no se puede mostrar aquí; ábralo en su propia aplicación.</translation>
    </message>
    <message>
        <source>Comments on it are about the whole document.</source>
        <translation>Los comentarios sobre él se refieren a todo el documento.</translation>
    </message>
    <message>
        <source>Open in its own app</source>
        <translation>Abrir en su propia aplicación</translation>
    </message>
    <message>
        <source>There is nothing to show for this piece.</source>
        <translation>No hay nada que mostrar para esta evidencia.</translation>
    </message>
    <message>
        <source>Opening the picture…</source>
        <translation>Abriendo la imagen…</translation>
    </message>
    <message>
        <source>Comments (%1)</source>
        <translation>Comentarios (%1)</translation>
    </message>
    <message>
        <source>No comments on this piece.</source>
        <translation>No hay comentarios sobre esta evidencia.</translation>
    </message>
    <message>
        <source>No comments yet. Press C (or “Comment here”) at a moment, or I and then O to comment on a range; Shift+drag on the timeline works too.</source>
        <translation>Todavía no hay comentarios. Pulse C (o «Comentar aquí») en un momento, o I y luego O para comentar un tramo; también sirve Mayús+arrastrar sobre la línea de tiempo.</translation>
    </message>
    <message>
        <source>No comments yet. Use “Comment on this page”, or drag on the page to comment on a part of it.</source>
        <translation>Todavía no hay comentarios. Use «Comentar esta página» o arrastre sobre la página para comentar una parte.</translation>
    </message>
    <message>
        <source>No comments yet. Drag on the picture to comment on a part of it, or comment on the whole picture.</source>
        <translation>Todavía no hay comentarios. Arrastre sobre la imagen para comentar una parte, o comente toda la imagen.</translation>
    </message>
    <message>
        <source>No comments yet. Select words in the text and choose “Comment on the selection”.</source>
        <translation>Todavía no hay comentarios. Seleccione palabras del texto y elija «Comentar la selección».</translation>
    </message>
    <message>
        <source>No comments yet. Use “Comment on the whole piece”.</source>
        <translation>Todavía no hay comentarios. Use «Comentar toda la evidencia».</translation>
    </message>
    <message>
        <source>Save or cancel this comment before starting another.</source>
        <translation>Guarde o cancele este comentario antes de empezar otro.</translation>
    </message>
</context>
<context>
    <name>AnnotationTimeline</name>
    <message>
        <source>Timeline</source>
        <translation>Línea de tiempo</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) on the timeline</source>
        <translation>
            <numerusform>%n comentario en la línea de tiempo</numerusform>
            <numerusform>%n comentarios en la línea de tiempo</numerusform>
        </translation>
    </message>
    <message>
        <source>; selected: %1, %2</source>
        <translation>; seleccionado: %1, %2</translation>
    </message>
</context>
<context>
    <name>Annotations</name>
    <message>
        <source>a criterion not in this rubric</source>
        <translation>un criterio que no está en esta rúbrica</translation>
    </message>
    <message>
        <source>private</source>
        <translation>privado</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Fortaleza</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Sugerencia</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>AnswerVersionsDialog</name>
    <message>
        <source>Earlier versions</source>
        <translation>Versiones anteriores</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versiones</translation>
    </message>
    <message>
        <source>The chosen version</source>
        <translation>La versión elegida</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n palabra</numerusform>
            <numerusform>%n palabras</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Restaurar esta versión</translation>
    </message>
    <message>
        <source>copied from attempt %1</source>
        <translation>copiada del intento %1</translation>
    </message>
    <message>
        <source>restored from %1</source>
        <translation>restaurada desde %1</translation>
    </message>
</context>
<context>
    <name>AreasDialog</name>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop looking; you can still mark areas yourself</source>
        <translation>Dejar de buscar; todavía puede marcar áreas usted mismo</translation>
    </message>
    <message>
        <source>Loading the picture…</source>
        <translation>Cargando la imagen…</translation>
    </message>
    <message>
        <source>Add area</source>
        <translation>Añadir área</translation>
    </message>
    <message>
        <source>Add an area in the middle of the picture (Insert), then move and resize it</source>
        <translation>Añadir un área en el centro de la imagen (Insert) y luego moverla y cambiar su tamaño</translation>
    </message>
    <message>
        <source>Remove area</source>
        <translation>Quitar área</translation>
    </message>
    <message>
        <source>Remove the selected area (Delete)</source>
        <translation>Quitar el área seleccionada (Supr)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>Ajustar a la ventana</translation>
    </message>
    <message>
        <source>Drag on the picture to mark an area. Click an area to select it: drag it to move it, drag a corner to resize it, press Delete to remove it.</source>
        <translation>Arrastre sobre la imagen para marcar un área. Haga clic en un área para seleccionarla: arrástrela para moverla, arrastre una esquina para cambiar su tamaño, pulse Supr para quitarla.</translation>
    </message>
    <message>
        <source>This evidence has no picture.</source>
        <translation>Esta evidencia no tiene imagen.</translation>
    </message>
    <message>
        <source>The picture cannot be shown: %1</source>
        <translation>La imagen no se puede mostrar: %1</translation>
    </message>
</context>
<context>
    <name>AssessorsPage</name>
    <message>
        <source>Assessor pools</source>
        <translation>Grupos de evaluadores</translation>
    </message>
    <message>
        <source>Micro-credential and assessors</source>
        <translation>Microcredencial y evaluadores</translation>
    </message>
    <message>
        <source>Open reviews</source>
        <translation>Revisiones abiertas</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Calibración</translation>
    </message>
    <message>
        <source>Take out of the calibration set…</source>
        <translation>Quitar del conjunto de calibración…</translation>
    </message>
    <message>
        <source>The chosen submission leaves its calibration set with the next sync, with every assessor&apos;s score of it</source>
        <translation>La entrega elegida sale de su conjunto de calibración con la próxima sincronización, junto con la calificación que le dio cada evaluador</translation>
    </message>
    <message>
        <source>Agreement per assessor</source>
        <translation>Concordancia por evaluador</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Evaluador</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Revisiones</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Pares</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Exacta</translation>
    </message>
    <message>
        <source>Within one level</source>
        <translation>A un nivel o menos</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Gráfica</translation>
    </message>
    <message>
        <source>Agreement per micro-credential and criterion</source>
        <translation>Concordancia por microcredencial y criterio</translation>
    </message>
    <message>
        <source>Micro-credential and criteria</source>
        <translation>Microcredencial y criterios</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alfa</translation>
    </message>
    <message>
        <source>Hours to decision</source>
        <translation>Horas hasta la decisión</translation>
    </message>
    <message>
        <source>How often each assessor gives the same level as the others on the same work (exact), within one level, and linear-weighted Cohen&apos;s kappa; Krippendorff&apos;s alpha where three or more scored the same criterion.</source>
        <translation>Con qué frecuencia cada evaluador da el mismo nivel que los demás sobre el mismo trabajo (exacta), a un nivel o menos, y la kappa de Cohen con ponderación lineal; el alfa de Krippendorff donde tres o más calificaron el mismo criterio.</translation>
    </message>
    <message>
        <source>Pools and calibration</source>
        <translation>Grupos y calibración</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Concordancia</translation>
    </message>
    <message>
        <source>Nothing pulled yet.

With an issuer staff token, Sync brings each micro-credential&apos;s assessor pools, who is calibrated, and how well the assessors agree; they stay readable offline.</source>
        <translation>Todavía no se ha traído nada.

Con un token de personal del emisor, Sincronizar trae los grupos de evaluadores de cada microcredencial, quién está calibrado y cuánto coinciden los evaluadores; se pueden consultar sin conexión.</translation>
    </message>
    <message>
        <source>%1, as of the sync of %2</source>
        <translation>%1, según la sincronización del %2</translation>
    </message>
    <message>
        <source>experts (%1 of the first %2 submissions)</source>
        <translation>expertos (%1 de las primeras %2 entregas)</translation>
    </message>
    <message>
        <source>peers, %1 per submission</source>
        <translation>pares, %1 por entrega</translation>
    </message>
    <message>
        <source>no calibration set</source>
        <translation>sin conjunto de calibración</translation>
    </message>
    <message>
        <source>calibration set of %1</source>
        <translation>conjunto de calibración de %1</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>Expertos</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Pares</translation>
    </message>
    <message>
        <source>— every assessor, until experts are named</source>
        <translation>— todos los evaluadores, hasta que se nombren expertos</translation>
    </message>
    <message>
        <source>Calibration items (%1)</source>
        <translation>Entregas de calibración (%1)</translation>
    </message>
    <message>
        <source>Submission %1</source>
        <translation>Entrega %1</translation>
    </message>
    <message>
        <source>reference: %1</source>
        <translation>referencia: %1</translation>
    </message>
    <message>
        <source>taken out with the next sync</source>
        <translation>se quita con la próxima sincronización</translation>
    </message>
    <message>
        <source>The issuer did not take it out: %1</source>
        <translation>El emisor no la quitó: %1</translation>
    </message>
    <message>
        <source>Take out of the calibration set</source>
        <translation>Quitar del conjunto de calibración</translation>
    </message>
    <message>
        <source>Take submission %1 out of its calibration set? Every assessor&apos;s score of it goes too; it happens with the next sync.</source>
        <translation>¿Quitar la entrega %1 de su conjunto de calibración? También se quitan las calificaciones que le dieron los evaluadores; se hace con la próxima sincronización.</translation>
    </message>
    <message>
        <source>The item leaves its calibration set with the next sync.</source>
        <translation>La entrega sale de su conjunto de calibración con la próxima sincronización.</translation>
    </message>
    <message>
        <source>no set</source>
        <translation>sin conjunto</translation>
    </message>
    <message>
        <source>released (exact %1)</source>
        <translation>habilitado (exacta %1)</translation>
    </message>
    <message>
        <source>held back: %1 of %2 scored, exact %3</source>
        <translation>en espera: %1 de %2 calificadas, exacta %3</translation>
    </message>
</context>
<context>
    <name>BadgeDetail</name>
    <message>
        <source>Badge picture with the credential inside (PNG)…</source>
        <translation>Imagen de la insignia con la credencial dentro (PNG)…</translation>
    </message>
    <message>
        <source>Badge picture with the credential inside (SVG)…</source>
        <translation>Imagen de la insignia con la credencial dentro (SVG)…</translation>
    </message>
    <message>
        <source>The credential itself (JSON)…</source>
        <translation>La credencial en sí (JSON)…</translation>
    </message>
    <message>
        <source>Certificate to print (PDF)…</source>
        <translation>Certificado para imprimir (PDF)…</translation>
    </message>
    <message>
        <source>Badge picture</source>
        <translation>Imagen de la insignia</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verificación</translation>
    </message>
    <message>
        <source>Verify again</source>
        <translation>Verificar de nuevo</translation>
    </message>
    <message>
        <source>Check the signature and dates again, offline</source>
        <translation>Comprobar de nuevo la firma y las fechas, sin conexión</translation>
    </message>
    <message>
        <source>Share…</source>
        <translation>Compartir…</translation>
    </message>
    <message>
        <source>Save the badge to show anywhere: a picture with the credential inside, the credential itself, or a certificate to print</source>
        <translation>Guardar la insignia para mostrarla en cualquier lugar: una imagen con la credencial dentro, la credencial en sí o un certificado para imprimir</translation>
    </message>
    <message>
        <source>Badge details</source>
        <translation>Detalles de la insignia</translation>
    </message>
    <message>
        <source>an unknown issuer</source>
        <translation>un emisor desconocido</translation>
    </message>
    <message>
        <source>Issued by %1 · earned %2</source>
        <translation>Emitida por %1 · obtenida el %2</translation>
    </message>
    <message>
        <source>Checked offline on %1.</source>
        <translation>Comprobada sin conexión el %1.</translation>
    </message>
    <message>
        <source>%1 hours under %2</source>
        <translation>%1 horas según %2</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <source>Received with Sync from %1.</source>
        <translation>Recibida con Sincronizar desde %1.</translation>
    </message>
    <message>
        <source>Imported from the file %1.</source>
        <translation>Importada del archivo %1.</translation>
    </message>
</context>
<context>
    <name>BadgesPage</name>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Add a badge you received another way: a .json, .jwt, baked .png or .svg file</source>
        <translation>Añadir una insignia recibida de otra forma: un archivo .json, .jwt, o .png o .svg con la credencial dentro</translation>
    </message>
    <message>
        <source>Transcript…</source>
        <translation>Constancia…</translation>
    </message>
    <message>
        <source>Your in-service hours for a date range, as PDF or CSV, for your district</source>
        <translation>Sus horas de formación en servicio de un período, en PDF o CSV, para su distrito</translation>
    </message>
    <message>
        <source>Recognition rules…</source>
        <translation>Reglas de reconocimiento…</translation>
    </message>
    <message>
        <source>How your district or state turns micro-credentials into in-service hours</source>
        <translation>Cómo su distrito o estado convierte las microcredenciales en horas de formación en servicio</translation>
    </message>
    <message>
        <source>Earned badges</source>
        <translation>Insignias obtenidas</translation>
    </message>
    <message>
        <source>Choose a badge on the left to see it here.</source>
        <translation>Elija una insignia a la izquierda para verla aquí.</translation>
    </message>
    <message>
        <source>Search badges</source>
        <translation>Buscar insignias</translation>
    </message>
    <message>
        <source>No badges yet.

Badges you earn arrive here with Sync, verified on arrival: show them anywhere, follow your stacks, and take a transcript of in-service hours to your district.

A badge someone sent you (a .json, .jwt, or a badge picture) can be imported: press Import… or drop the files here.</source>
        <translation>Todavía no hay insignias.

Las insignias que obtenga llegan aquí con Sincronizar, verificadas al llegar: muéstrelas en cualquier lugar, siga sus series y lleve a su distrito una constancia de horas de formación en servicio.

Una insignia que alguien le envió (un .json, un .jwt o una imagen de insignia) se puede importar: pulse Importar… o suelte los archivos aquí.</translation>
    </message>
    <message>
        <source>Import a badge…</source>
        <translation>Importar una insignia…</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Insignias</translation>
    </message>
    <message>
        <source>Stacks</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>unknown issuer</source>
        <translation>emisor desconocido</translation>
    </message>
    <message>
        <source>%1 in-service hours (%2)</source>
        <translation>%1 horas de formación en servicio (%2)</translation>
    </message>
    <message>
        <source>Import badges</source>
        <translation>Importar insignias</translation>
    </message>
    <message>
        <source>Badges and credentials (%1);;All files (*)</source>
        <translation>Insignias y credenciales (%1);;Todos los archivos (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n badge(s) imported</source>
        <translation>
            <numerusform>%n insignia importada</numerusform>
            <numerusform>%n insignias importadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already here</source>
        <translation>
            <numerusform>%n ya estaba aquí</numerusform>
            <numerusform>%n ya estaban aquí</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n did not verify (see why in its detail)</source>
        <translation>
            <numerusform>%n no se pudo verificar (vea el motivo en su detalle)</numerusform>
            <numerusform>%n no se pudieron verificar (vea el motivo en su detalle)</numerusform>
        </translation>
    </message>
    <message>
        <source>Share the badge</source>
        <translation>Compartir la insignia</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado: %1</translation>
    </message>
    <message>
        <source>Save the transcript</source>
        <translation>Guardar la constancia</translation>
    </message>
    <message>
        <source>Transcript saved to %1: %2 credentials, %3 hours</source>
        <translation>Constancia guardada en %1: %2 credenciales, %3 horas</translation>
    </message>
</context>
<context>
    <name>BlurFacesDialog</name>
    <message>
        <source>Blur faces in “%1”</source>
        <translation>Difuminar caras en «%1»</translation>
    </message>
    <message>
        <source>Make blurred copy</source>
        <translation>Hacer copia difuminada</translation>
    </message>
    <message>
        <source>mcdesk looks for faces in the video and lists when each one shows. Pick one to see it and adjust its area; add an area for any face mcdesk missed. mcdesk then makes a new, blurred copy; your original stays untouched.</source>
        <translation>mcdesk busca caras en el video e indica cuándo aparece cada una. Elija una para verla y ajustar su área; añada un área para cualquier cara que mcdesk no haya encontrado. Después mcdesk hace una copia nueva y difuminada; su original queda intacto.</translation>
    </message>
    <message>
        <source>mcdesk looks for faces and marks them. Check the marked areas, and add one for any face mcdesk missed. mcdesk then makes a new, blurred copy; your original stays untouched.</source>
        <translation>mcdesk busca caras y las marca. Revise las áreas marcadas y añada una para cualquier cara que mcdesk no haya encontrado. Después mcdesk hace una copia nueva y difuminada; su original queda intacto.</translation>
    </message>
    <message>
        <source>Faces found, by time</source>
        <translation>Caras encontradas, por tiempo</translation>
    </message>
    <message>
        <source>&amp;Faces to blur:</source>
        <translation>&amp;Caras que difuminar:</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>Quitar de la lista</translation>
    </message>
    <message>
        <source>Do not blur this face (Delete)</source>
        <translation>No difuminar esta cara (Supr)</translation>
    </message>
    <message>
        <source>Frame shown</source>
        <translation>Fotograma mostrado</translation>
    </message>
    <message>
        <source>F&amp;rame at:</source>
        <translation>Fotog&amp;rama en:</translation>
    </message>
    <message>
        <source>Add area on this frame</source>
        <translation>Añadir área en este fotograma</translation>
    </message>
    <message>
        <source>How long new areas are blurred</source>
        <translation>Cuánto tiempo se difuminan las áreas nuevas</translation>
    </message>
    <message>
        <source>How long an area you add is blurred</source>
        <translation>Cuánto tiempo se difumina un área que usted añade</translation>
    </message>
    <message>
        <source>for the whole video</source>
        <translation>durante todo el video</translation>
    </message>
    <message>
        <source>Drag on the frame to mark a face mcdesk missed. Click an area to select it: drag it to move it, drag a corner to resize it, press Delete to remove it.</source>
        <translation>Arrastre sobre el fotograma para marcar una cara que mcdesk no encontró. Haga clic en un área para seleccionarla: arrástrela para moverla, arrastre una esquina para cambiar su tamaño, pulse Supr para quitarla.</translation>
    </message>
    <message>
        <source>Looking for faces…</source>
        <translation>Buscando caras…</translation>
    </message>
    <message>
        <source>Check the list, and remove any face that needs no blurring.</source>
        <translation>Revise la lista y quite cualquier cara que no necesite difuminarse.</translation>
    </message>
    <message>
        <source>No faces found. If someone can be recognised, move to a frame where they show and drag over their face.</source>
        <translation>No se encontraron caras. Si se puede reconocer a alguien, vaya a un fotograma donde aparezca y arrastre sobre su cara.</translation>
    </message>
    <message>
        <source>Check the marked areas and add any face mcdesk missed.</source>
        <translation>Revise las áreas marcadas y añada cualquier cara que mcdesk no haya encontrado.</translation>
    </message>
    <message>
        <source>No faces found. If someone can be recognised, drag over their face.</source>
        <translation>No se encontraron caras. Si se puede reconocer a alguien, arrastre sobre su cara.</translation>
    </message>
    <message>
        <source>Found one face.</source>
        <translation>Se encontró una cara.</translation>
    </message>
    <message>
        <source>Found %1 faces.</source>
        <translation>Se encontraron %1 caras.</translation>
    </message>
    <message>
        <source>mcdesk could not look for faces: %1. You can still mark them yourself.</source>
        <translation>mcdesk no pudo buscar caras: %1. Todavía puede marcarlas usted mismo.</translation>
    </message>
    <message>
        <source>Stopped looking for faces. Mark the faces yourself by dragging over them.</source>
        <translation>Se dejó de buscar caras. Marque las caras usted mismo arrastrando sobre ellas.</translation>
    </message>
    <message>
        <source>This frame cannot be shown.</source>
        <translation>Este fotograma no se puede mostrar.</translation>
    </message>
    <message>
        <source>This frame cannot be shown: %1</source>
        <translation>Este fotograma no se puede mostrar: %1</translation>
    </message>
    <message>
        <source>Face %1 · %2–%3</source>
        <translation>Cara %1 · %2–%3</translation>
    </message>
    <message>
        <source>(added by you)</source>
        <translation>(añadida por usted)</translation>
    </message>
    <message>
        <source>only from %1 to %2, like the selected face</source>
        <translation>solo de %1 a %2, como la cara seleccionada</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>Search micro-credentials (Ctrl+F)</source>
        <translation>Buscar microcredenciales (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the catalog</source>
        <translation>Buscar en el catálogo</translation>
    </message>
    <message>
        <source>Filter by stack</source>
        <translation>Filtrar por serie</translation>
    </message>
    <message>
        <source>Filter by issuer</source>
        <translation>Filtrar por emisor</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Import micro-credentials from an Open Badges 3.0 file or an mcdesk catalog (Ctrl+O)</source>
        <translation>Importar microcredenciales de un archivo Open Badges 3.0 o de un catálogo de mcdesk (Ctrl+O)</translation>
    </message>
    <message>
        <source>Micro-credentials</source>
        <translation>Microcredenciales</translation>
    </message>
    <message>
        <source>Import a catalog file…</source>
        <translation>Importar un archivo de catálogo…</translation>
    </message>
    <message>
        <source>&amp;Stack:</source>
        <translation>&amp;Serie:</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>&amp;Emisor:</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versión:</translation>
    </message>
    <message>
        <source>Start a draft</source>
        <translation>Empezar un borrador</translation>
    </message>
    <message>
        <source>Start gathering your submission for this micro-credential</source>
        <translation>Empezar a reunir su entrega para esta microcredencial</translation>
    </message>
    <message>
        <source>Add to plan…</source>
        <translation>Agregar al plan…</translation>
    </message>
    <message>
        <source>Aim to earn this micro-credential: choose the date you will send it by</source>
        <translation>Proponerse obtener esta microcredencial: elija la fecha en que la enviará</translation>
    </message>
    <message>
        <source>Make the stack available offline</source>
        <translation>Tener la serie sin conexión</translation>
    </message>
    <message>
        <source>Bring down now every resource and example of work of this stack&apos;s micro-credentials, to study without a network (within your storage budget)</source>
        <translation>Descargar ahora todos los recursos y ejemplos de trabajo de las microcredenciales de esta serie, para estudiar sin red (dentro de su límite de almacenamiento)</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>Microcredencial</translation>
    </message>
    <message>
        <source>Pick a micro-credential on the left to read its competency, key method, submission criteria and scoring rubric.</source>
        <translation>Elija una microcredencial a la izquierda para leer su competencia, método clave, criterios de entrega y rúbrica de calificación.</translation>
    </message>
    <message>
        <source>Opening your portfolio…</source>
        <translation>Abriendo su portafolio…</translation>
    </message>
    <message>
        <source>All stacks</source>
        <translation>Todas las series</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>All issuers</source>
        <translation>Todos los emisores</translation>
    </message>
    <message>
        <source>Imported micro-credentials appear here with every part: competency, key method, submission criteria and scoring rubric.</source>
        <translation>Las microcredenciales importadas aparecen aquí con todas sus partes: competencia, método clave, criterios de entrega y rúbrica de calificación.</translation>
    </message>
    <message>
        <source>Your catalog is empty.

Import the micro-credentials your issuer published: an Open Badges 3.0 achievement or an mcdesk catalog file (.json). You can also drop the file here.</source>
        <translation>Su catálogo está vacío.

Importe las microcredenciales que publicó su emisor: un logro Open Badges 3.0 o un archivo de catálogo de mcdesk (.json). También puede soltar el archivo aquí.</translation>
    </message>
    <message>
        <source>No micro-credentials match your search.</source>
        <translation>Ninguna microcredencial coincide con su búsqueda.</translation>
    </message>
    <message>
        <source>%1 of %2 micro-credentials</source>
        <translation>%1 de %2 microcredenciales</translation>
    </message>
    <message>
        <source>%1 (newest)</source>
        <translation>%1 (la más reciente)</translation>
    </message>
    <message>
        <source>Bringing the file down; it opens from here once it is available offline.</source>
        <translation>Descargando el archivo; se abre desde aquí cuando esté disponible sin conexión.</translation>
    </message>
    <message>
        <source>Making the stack available offline: its resources and examples of work come down in the background.</source>
        <translation>Preparando la serie para usarla sin conexión: sus recursos y ejemplos de trabajo se descargan en segundo plano.</translation>
    </message>
    <message numerus="yes">
        <source>Available offline now: %n file(s), %1 already here.</source>
        <translation>
            <numerusform>Disponible sin conexión ahora: %n archivo, %1 ya estaban aquí.</numerusform>
            <numerusform>Disponibles sin conexión ahora: %n archivos, %1 ya estaban aquí.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Rechazado: %1</translation>
    </message>
    <message>
        <source>Not now: %1</source>
        <translation>Ahora no: %1</translation>
    </message>
    <message>
        <source>“%1” is not available offline yet.</source>
        <translation>«%1» todavía no está disponible sin conexión.</translation>
    </message>
    <message>
        <source>Import micro-credentials</source>
        <translation>Importar microcredenciales</translation>
    </message>
    <message>
        <source>Open Badges or mcdesk catalog (*.json);;All files (*)</source>
        <translation>Open Badges o catálogo de mcdesk (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1 no se importó: %2</translation>
    </message>
    <message>
        <source>Imported micro-credentials: %1.</source>
        <translation>Microcredenciales importadas: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n añadida</numerusform>
            <numerusform>%n añadidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new version(s)</source>
        <translation>
            <numerusform>%n versión nueva</numerusform>
            <numerusform>%n versiones nuevas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older version(s) kept</source>
        <translation>
            <numerusform>%n versión anterior conservada</numerusform>
            <numerusform>%n versiones anteriores conservadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n actualizada</numerusform>
            <numerusform>%n actualizadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n sin cambios</numerusform>
            <numerusform>%n sin cambios</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckCounts</name>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n palabra</numerusform>
            <numerusform>%n palabras</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add at least %n more word(s).</source>
        <translation>
            <numerusform>Añada al menos %n palabra más.</numerusform>
            <numerusform>Añada al menos %n palabras más.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut at least %n word(s).</source>
        <translation>
            <numerusform>Quite al menos %n palabra.</numerusform>
            <numerusform>Quite al menos %n palabras.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{amount} item(s)</source>
        <translation>
            <numerusform>{amount} elemento</numerusform>
            <numerusform>{amount} elementos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) attached; this criterion asks for {asked}.</source>
        <translation>
            <numerusform>%n elemento adjunto; este criterio pide {asked}.</numerusform>
            <numerusform>%n elementos adjuntos; este criterio pide {asked}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) attached; this criterion accepts at most {max}.</source>
        <translation>
            <numerusform>%n elemento adjunto; este criterio acepta como máximo {max}.</numerusform>
            <numerusform>%n elementos adjuntos; este criterio acepta como máximo {max}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attach %n more.</source>
        <translation>
            <numerusform>Adjunte %n más.</numerusform>
            <numerusform>Adjunte %n más.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n strongest item(s)</source>
        <translation>
            <numerusform>%n elemento más sólido</numerusform>
            <numerusform>%n elementos más sólidos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check portfolio</source>
        <translation>Revisar el portafolio</translation>
    </message>
    <message>
        <source>mcdesk reads the database, every stored evidence file and every study file kept offline to make sure nothing is damaged or missing. Nothing is deleted: anything out of place goes to the trash folder.</source>
        <translation>mcdesk lee la base de datos, cada archivo de evidencia guardado y cada archivo de estudio disponible sin conexión para asegurarse de que no haya nada dañado ni faltante. No se borra nada: lo que esté fuera de lugar va a la carpeta de la papelera.</translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation>Progreso de la revisión</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Problemas encontrados</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Reparar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Repairing…</source>
        <translation>Reparando…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Revisando…</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>Reparado</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Encontrado</translation>
    </message>
    <message>
        <source>Checked the database and %1 stored files.</source>
        <translation>Se revisaron la base de datos y %1 archivos guardados.</translation>
    </message>
    <message>
        <source>Everything is in order.</source>
        <translation>Todo está en orden.</translation>
    </message>
    <message>
        <source>Some problems need attention; press Repair to fix what mcdesk can.</source>
        <translation>Algunos problemas necesitan atención; pulse Reparar para arreglar lo que mcdesk pueda.</translation>
    </message>
    <message>
        <source>The check could not finish: %1</source>
        <translation>La revisión no pudo terminar: %1</translation>
    </message>
    <message>
        <source>The check was stopped. Nothing was changed.</source>
        <translation>La revisión se detuvo. No se cambió nada.</translation>
    </message>
</context>
<context>
    <name>ChooseMicroCredentialDialog</name>
    <message>
        <source>Start a draft</source>
        <translation>Empezar un borrador</translation>
    </message>
    <message>
        <source>Which micro-credential are you working toward?</source>
        <translation>¿Qué microcredencial quiere obtener?</translation>
    </message>
    <message>
        <source>Micro-credentials</source>
        <translation>Microcredenciales</translation>
    </message>
    <message>
        <source>Start the draft</source>
        <translation>Empezar el borrador</translation>
    </message>
</context>
<context>
    <name>CoachingDialog</name>
    <message>
        <source>Your coach&apos;s feedback</source>
        <translation>La retroalimentación de su mentor</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Rubric criterion</source>
        <translation>Criterio de la rúbrica</translation>
    </message>
    <message>
        <source>Coach&apos;s practice score</source>
        <translation>Puntuación de práctica del mentor</translation>
    </message>
    <message>
        <source>Your self-assessment</source>
        <translation>Su autoevaluación</translation>
    </message>
    <message>
        <source>Practice scores</source>
        <translation>Puntuaciones de práctica</translation>
    </message>
    <message>
        <source>Your coach&apos;s comments</source>
        <translation>Los comentarios de su mentor</translation>
    </message>
    <message>
        <source>Accept the suggestion</source>
        <translation>Aceptar la sugerencia</translation>
    </message>
    <message>
        <source>Put the suggested caption beside the evidence, or add the suggested clip to the draft, in one step</source>
        <translation>Poner la leyenda sugerida junto a la evidencia, o añadir el fragmento sugerido al borrador, en un solo paso</translation>
    </message>
    <message>
        <source>{coach} left {comments} comments and {scores} practice scores. Practice scores are only for you: they are never sent to the issuer.</source>
        <translation>{coach} dejó {comments} comentarios y {scores} puntuaciones de práctica. Las puntuaciones de práctica son solo para usted: nunca se envían al emisor.</translation>
    </message>
    <message>
        <source>Your coach</source>
        <translation>Su mentor</translation>
    </message>
    <message>
        <source>Your coach&apos;s notes from the lesson are lined up on your video ({count} notes). For comments on this draft, send it with File → Export for my coach….</source>
        <translation>Las notas de su mentor sobre la clase están colocadas en su video ({count} notas). Para recibir comentarios sobre este borrador, envíelo con Archivo → Exportar para mi mentor….</translation>
    </message>
    <message>
        <source>No feedback from a coach yet. Send them this draft with File → Export for my coach…, then import the bundle they give back with File → Import an exchange bundle…</source>
        <translation>Todavía no hay retroalimentación de un mentor. Envíele este borrador con Archivo → Exportar para mi mentor… y luego importe el paquete que le devuelva con Archivo → Importar un paquete de intercambio…</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>sin calificar</translation>
    </message>
    <message>
        <source>evidence not here</source>
        <translation>la evidencia no está aquí</translation>
    </message>
    <message>
        <source>Observation note · {where} · {at}
{text}</source>
        <translation>Nota de observación · {where} · {at}
{text}</translation>
    </message>
    <message>
        <source>Suggested caption: “{caption}”</source>
        <translation>Leyenda sugerida: «{caption}»</translation>
    </message>
    <message>
        <source>Suggested clip: {range}</source>
        <translation>Fragmento sugerido: {range}</translation>
    </message>
    <message>
        <source> (accepted)</source>
        <translation> (aceptada)</translation>
    </message>
</context>
<context>
    <name>CoachingPage</name>
    <message>
        <source>Import a bundle…</source>
        <translation>Importar un paquete…</translation>
    </message>
    <message>
        <source>A teacher&apos;s draft (or notes and evidence) handed over as an exchange bundle</source>
        <translation>El borrador de un docente (o notas y evidencias) entregado como paquete de intercambio</translation>
    </message>
    <message>
        <source>Drafts to coach</source>
        <translation>Borradores para acompañar</translation>
    </message>
    <message>
        <source>No drafts to coach yet.

Ask the teacher for an exchange bundle of their draft (File → Export for my coach… in their mcdesk), then press Import a bundle… or drop the file here. You can then comment on their video, documents, photos and answers and give practice scores.</source>
        <translation>Todavía no hay borradores para acompañar.

Pida al docente un paquete de intercambio de su borrador (Archivo → Exportar para mi mentor… en su mcdesk) y luego pulse Importar un paquete… o suelte el archivo aquí. Después podrá comentar su video, documentos, fotos y respuestas y dar puntuaciones de práctica.</translation>
    </message>
    <message>
        <source>Evidence and answers</source>
        <translation>Evidencias y respuestas</translation>
    </message>
    <message>
        <source>Suggest a caption…</source>
        <translation>Sugerir una leyenda…</translation>
    </message>
    <message>
        <source>Words the teacher can put beside this evidence with one click</source>
        <translation>Palabras que el docente puede poner junto a esta evidencia con un clic</translation>
    </message>
    <message>
        <source>Export for the teacher…</source>
        <translation>Exportar para el docente…</translation>
    </message>
    <message>
        <source>Your comments and practice scores in a bundle the teacher imports</source>
        <translation>Sus comentarios y puntuaciones de práctica en un paquete que el docente importa</translation>
    </message>
    <message>
        <source>Pick a draft on the left to coach it.</source>
        <translation>Elija un borrador a la izquierda para acompañarlo.</translation>
    </message>
    <message>
        <source>A teacher</source>
        <translation>Un docente</translation>
    </message>
    <message>
        <source>{who}
{mc}, attempt {attempt}</source>
        <translation>{who}
{mc}, intento {attempt}</translation>
    </message>
    <message>
        <source>{who}: {mc}</source>
        <translation>{who}: {mc}</translation>
    </message>
    <message>
        <source>{title} ({kind})</source>
        <translation>{title} ({kind})</translation>
    </message>
    <message>
        <source>Suggest a caption</source>
        <translation>Sugerir una leyenda</translation>
    </message>
    <message>
        <source>A caption the teacher can put beside “{title}”:</source>
        <translation>Una leyenda que el docente puede poner junto a «{title}»:</translation>
    </message>
    <message>
        <source>A caption you could put beside this evidence.</source>
        <translation>Una leyenda que podría poner junto a esta evidencia.</translation>
    </message>
    <message>
        <source>Import an exchange bundle</source>
        <translation>Importar un paquete de intercambio</translation>
    </message>
    <message>
        <source>Imported {file}: {added} evidence added, {already} already here.</source>
        <translation>Se importó {file}: {added} evidencias añadidas, {already} ya estaban aquí.</translation>
    </message>
    <message>
        <source>Export for the teacher</source>
        <translation>Exportar para el docente</translation>
    </message>
    <message>
        <source>Wrote {file}: {comments} comments and {scores} practice scores for the teacher.</source>
        <translation>Se escribió {file}: {comments} comentarios y {scores} puntuaciones de práctica para el docente.</translation>
    </message>
</context>
<context>
    <name>CommentEditor</name>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>What you noticed, and why it matters for the criterion</source>
        <translation>Lo que observó y por qué importa para el criterio</translation>
    </message>
    <message>
        <source>Kind of comment</source>
        <translation>Tipo de comentario</translation>
    </message>
    <message>
        <source>Rubric criterion</source>
        <translation>Criterio de la rúbrica</translation>
    </message>
    <message>
        <source>Only for the issuer (the earner won&apos;t see it)</source>
        <translation>Solo para el emisor (quien presenta no lo verá)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Guardar (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancelar (Esc)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterio</translation>
    </message>
    <message>
        <source>No criterion</source>
        <translation>Sin criterio</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>New comment: %1</source>
        <translation>Comentario nuevo: %1</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Comentario: %1</translation>
    </message>
    <message>
        <source>Press Esc (or Cancel) again to throw away what you wrote.</source>
        <translation>Pulse Esc (o Cancelar) otra vez para descartar lo que escribió.</translation>
    </message>
    <message>
        <source>Click again to delete</source>
        <translation>Haga clic otra vez para borrar</translation>
    </message>
    <message>
        <source>Write a few words first.</source>
        <translation>Escriba primero unas palabras.</translation>
    </message>
    <message>
        <source>A comment holds at most %1 characters; this one has %2.</source>
        <translation>Un comentario admite como máximo %1 caracteres; este tiene %2.</translation>
    </message>
</context>
<context>
    <name>CommentList</name>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>Todavía no hay comentarios.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>Obtenida</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Todavía no</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Why you decide against the rubric, or before every review is in (recorded)</source>
        <translation>Por qué decide en contra de la rúbrica, o antes de que lleguen todas las revisiones (queda registrado)</translation>
    </message>
    <message>
        <source>Use it to calibrate assessors</source>
        <translation>Usarla para calibrar a los evaluadores</translation>
    </message>
    <message>
        <source>Once decided, the submission joins this micro-credential&apos;s calibration set: assessors score it, its files included, before they review live work, and your levels are the reference they are measured against.</source>
        <translation>Una vez decidida, la entrega se suma al conjunto de calibración de esta microcredencial: los evaluadores la califican, con sus archivos, antes de revisar trabajo real, y sus niveles son la referencia con la que se los compara.</translation>
    </message>
    <message>
        <source>Queue decision</source>
        <translation>Poner la decisión en cola</translation>
    </message>
    <message>
        <source>It goes to the issuer with the next sync</source>
        <translation>Se envía al emisor con la próxima sincronización</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Decisión:</translation>
    </message>
    <message>
        <source>The earner&apos;s feedback</source>
        <translation>La retroalimentación para quien presenta</translation>
    </message>
    <message>
        <source>The rubric rule needs a level for every criterion.</source>
        <translation>La regla de la rúbrica necesita un nivel para cada criterio.</translation>
    </message>
    <message>
        <source>By the rubric: %1.</source>
        <translation>Según la rúbrica: %1.</translation>
    </message>
    <message>
        <source>%1 of %2 reviews are in.</source>
        <translation>Han llegado %1 de %2 revisiones.</translation>
    </message>
    <message>
        <source>Not every review is in yet: write why you decide now.</source>
        <translation>Todavía no han llegado todas las revisiones: escriba por qué decide ahora.</translation>
    </message>
    <message>
        <source>The rubric says otherwise: write why you decide against it.</source>
        <translation>La rúbrica dice otra cosa: escriba por qué decide en contra.</translation>
    </message>
    <message>
        <source>To calibrate assessors with it, give every criterion a level: they are the reference.</source>
        <translation>Para calibrar a los evaluadores con ella, dé un nivel a cada criterio: son la referencia.</translation>
    </message>
</context>
<context>
    <name>CompressDialog</name>
    <message>
        <source>Make “%1” smaller</source>
        <translation>Reducir «%1»</translation>
    </message>
    <message>
        <source>A smaller video uploads faster and fits the issuer&apos;s limits. mcdesk makes a new, smaller copy; your original stays untouched.</source>
        <translation>Un video más pequeño se sube más rápido y cabe en los límites del emisor. mcdesk hace una copia nueva y más pequeña; su original queda intacto.</translation>
    </message>
    <message>
        <source>Picture size</source>
        <translation>Tamaño de imagen</translation>
    </message>
    <message>
        <source>%1 — same as your video</source>
        <translation>%1 — igual que su video</translation>
    </message>
    <message>
        <source>%1 — larger than your video</source>
        <translation>%1 — más grande que su video</translation>
    </message>
    <message>
        <source>Your video is %1 pixels tall; mcdesk does not make it larger.</source>
        <translation>Su video mide %1 píxeles de alto; mcdesk no lo agranda.</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <source>Smaller file</source>
        <translation>Archivo más pequeño</translation>
    </message>
    <message>
        <source>Good enough to see what happens in the room</source>
        <translation>Suficiente para ver lo que pasa en el aula</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>Equilibrada</translation>
    </message>
    <message>
        <source>Clear picture at a reasonable size (recommended)</source>
        <translation>Imagen clara con un tamaño razonable (recomendada)</translation>
    </message>
    <message>
        <source>Better picture</source>
        <translation>Mejor imagen</translation>
    </message>
    <message>
        <source>Sharper picture, larger file</source>
        <translation>Imagen más nítida, archivo más grande</translation>
    </message>
    <message>
        <source>Fit under:</source>
        <translation>Que no pase de:</translation>
    </message>
    <message>
        <source>mcdesk picks the best quality that stays under this size</source>
        <translation>mcdesk elige la mejor calidad que no pase de este tamaño</translation>
    </message>
    <message>
        <source>Largest file size in megabytes</source>
        <translation>Tamaño máximo del archivo en megabytes</translation>
    </message>
    <message>
        <source>Make smaller copy</source>
        <translation>Hacer copia más pequeña</translation>
    </message>
    <message>
        <source>Keep the original size (%1 × %2)</source>
        <translation>Mantener el tamaño original (%1 × %2)</translation>
    </message>
    <message>
        <source>Keep the original size</source>
        <translation>Mantener el tamaño original</translation>
    </message>
    <message>
        <source>Full HD</source>
        <translation>Full HD</translation>
    </message>
    <message>
        <source>HD</source>
        <translation>HD</translation>
    </message>
    <message>
        <source>DVD</source>
        <translation>DVD</translation>
    </message>
    <message>
        <source>small screens</source>
        <translation>pantallas pequeñas</translation>
    </message>
    <message>
        <source>%1p (%2)</source>
        <translation>%1p (%2)</translation>
    </message>
    <message>
        <source>mcdesk does not know how long this video is.</source>
        <translation>mcdesk no sabe cuánto dura este video.</translation>
    </message>
    <message>
        <source>Run File → Check portfolio, or add the video again, then try once more.</source>
        <translation>Ejecute Archivo → Revisar el portafolio, o añada el video otra vez, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Unos %1</translation>
    </message>
    <message>
        <source>About %1 (now %2)</source>
        <translation>Unos %1 (ahora %2)</translation>
    </message>
    <message>
        <source>%1 of video at %2 kb/s.</source>
        <translation>%1 de video a %2 kb/s.</translation>
    </message>
    <message>
        <source>Even the smallest setting is larger than %1. Trim the video first, or choose a smaller picture.</source>
        <translation>Incluso el ajuste más pequeño pasa de %1. Recorte el video primero o elija una imagen más pequeña.</translation>
    </message>
    <message>
        <source>That would not make the file smaller: the video is already compact. Choose a smaller picture size or “Smaller file”.</source>
        <translation>Eso no haría el archivo más pequeño: el video ya es compacto. Elija un tamaño de imagen menor o «Archivo más pequeño».</translation>
    </message>
</context>
<context>
    <name>CountedWords</name>
    <message numerus="yes">
        <source>%n face(s) blurred</source>
        <translation>
            <numerusform>%n cara difuminada</numerusform>
            <numerusform>%n caras difuminadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n area(s) blacked out</source>
        <translation>
            <numerusform>%n área tapada</numerusform>
            <numerusform>%n áreas tapadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n palabra</numerusform>
            <numerusform>%n palabras</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>mcdesk hit a problem</source>
        <translation>mcdesk tuvo un problema</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your work is saved: nothing you made was lost.
If it happens again, copy the details below and send them to whoever supports mcdesk for you.</source>
        <translation>Algo inesperado salió mal. Su trabajo está guardado: no se perdió nada de lo que hizo.
Si vuelve a pasar, copie los detalles de abajo y envíelos a quien le dé soporte con mcdesk.</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Detalles del error</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copiar los detalles</translation>
    </message>
</context>
<context>
    <name>CriterionCard</name>
    <message>
        <source>Judged by “%1”</source>
        <translation>Evaluado según «%1»</translation>
    </message>
    <message>
        <source>: to pass, %1 — %2</source>
        <translation>: para aprobar, %1 — %2</translation>
    </message>
    <message>
        <source>Assessors&apos; feedback on your last attempt: %1</source>
        <translation>Retroalimentación de los evaluadores sobre su último intento: %1</translation>
    </message>
</context>
<context>
    <name>CriterionEditor</name>
    <message>
        <source>Level for %1</source>
        <translation>Nivel para %1</translation>
    </message>
    <message>
        <source>— choose a level —</source>
        <translation>— elija un nivel —</translation>
    </message>
    <message>
        <source>Feedback for %1</source>
        <translation>Retroalimentación para %1</translation>
    </message>
    <message>
        <source>What the teacher reads about this criterion</source>
        <translation>Lo que el docente lee sobre este criterio</translation>
    </message>
</context>
<context>
    <name>CriterionScoreBox</name>
    <message>
        <source>strength</source>
        <translation>fortaleza</translation>
    </message>
    <message>
        <source>question</source>
        <translation>pregunta</translation>
    </message>
    <message>
        <source>suggestion</source>
        <translation>sugerencia</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>  — passing level</source>
        <translation>  — nivel aprobatorio</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Feedback for the earner on this criterion:</source>
        <translation>Retroalimentación para quien presenta sobre este criterio:</translation>
    </message>
    <message>
        <source>Feedback: %1</source>
        <translation>Retroalimentación: %1</translation>
    </message>
    <message>
        <source>What was strong, what to work on. Draw from your comments below.</source>
        <translation>Qué estuvo bien y qué mejorar. Tome ideas de sus comentarios de abajo.</translation>
    </message>
    <message>
        <source>Comments tagged %1</source>
        <translation>Comentarios etiquetados con %1</translation>
    </message>
    <message>
        <source>Add the chosen comment to the feedback</source>
        <translation>Añadir el comentario elegido a la retroalimentación</translation>
    </message>
    <message>
        <source>Your comments tagged with this criterion (%1):</source>
        <translation>Sus comentarios etiquetados con este criterio (%1):</translation>
    </message>
    <message>
        <source>No comments tagged with this criterion yet.</source>
        <translation>Todavía no hay comentarios etiquetados con este criterio.</translation>
    </message>
    <message>
        <source>Choose a level.</source>
        <translation>Elija un nivel.</translation>
    </message>
    <message>
        <source>reaches the passing level</source>
        <translation>alcanza el nivel aprobatorio</translation>
    </message>
    <message>
        <source>below the passing level</source>
        <translation>por debajo del nivel aprobatorio</translation>
    </message>
</context>
<context>
    <name>DecidePage</name>
    <message>
        <source>Submissions waiting for a decision</source>
        <translation>Entregas en espera de decisión</translation>
    </message>
    <message>
        <source>Choose a submission on the left to see its reviews.</source>
        <translation>Elija una entrega a la izquierda para ver sus revisiones.</translation>
    </message>
    <message>
        <source>Nothing waits for a decision.

Submissions whose reviews are in arrive here with Sync, with their reviews, and stay readable offline. Decide, compose the teacher&apos;s feedback, and the decision goes out with the next sync.</source>
        <translation>Nada espera una decisión.

Las entregas con sus revisiones completas llegan aquí con Sincronizar, junto con sus revisiones, y se pueden consultar sin conexión. Decida, redacte la retroalimentación para el docente, y la decisión sale con la próxima sincronización.</translation>
    </message>
    <message>
        <source>%1 of %2 reviews in</source>
        <translation>%1 de %2 revisiones recibidas</translation>
    </message>
    <message>
        <source>Attempt %1 · received %2</source>
        <translation>Intento %1 · recibida %2</translation>
    </message>
    <message numerus="yes">
        <source>Disagree across the passing level on %n criterion(s)</source>
        <translation>
            <numerusform>Discrepan respecto al nivel aprobatorio en %n criterio</numerusform>
            <numerusform>Discrepan respecto al nivel aprobatorio en %n criterios</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to decide</source>
        <translation>Lista para decidir</translation>
    </message>
    <message>
        <source>Decision queued: goes out with the next sync</source>
        <translation>Decisión en cola: sale con la próxima sincronización</translation>
    </message>
    <message>
        <source>Decision sent</source>
        <translation>Decisión enviada</translation>
    </message>
    <message>
        <source>The issuer refused the decision: %1</source>
        <translation>El emisor rechazó la decisión: %1</translation>
    </message>
    <message>
        <source>Then it joins the calibration set</source>
        <translation>Después se suma al conjunto de calibración</translation>
    </message>
    <message>
        <source>In the calibration set</source>
        <translation>En el conjunto de calibración</translation>
    </message>
    <message>
        <source>Not added to the calibration set: %1</source>
        <translation>No se sumó al conjunto de calibración: %1</translation>
    </message>
    <message>
        <source>%1 — attempt %2</source>
        <translation>%1 — intento %2</translation>
    </message>
    <message>
        <source>Decision queued: it goes to the issuer with the next sync.</source>
        <translation>Decisión en cola: se envía al emisor con la próxima sincronización.</translation>
    </message>
</context>
<context>
    <name>DecisionBox</name>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Decide differently from the rubric</source>
        <translation>Decidir algo distinto de la rúbrica</translation>
    </message>
    <message>
        <source>Your decision</source>
        <translation>Su decisión</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>Obtenida</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Todavía no</translation>
    </message>
    <message>
        <source>Why you decide differently</source>
        <translation>Por qué decide algo distinto</translation>
    </message>
    <message>
        <source>Why you decide differently from the rubric (required; the issuer reads it).</source>
        <translation>Por qué decide algo distinto de la rúbrica (obligatorio; el emisor lo lee).</translation>
    </message>
    <message>
        <source>Finish and send</source>
        <translation>Terminar y enviar</translation>
    </message>
    <message>
        <source>Lock the review and send it with the next sync</source>
        <translation>Cerrar la revisión y enviarla con la próxima sincronización</translation>
    </message>
    <message>
        <source>Export review file…</source>
        <translation>Exportar archivo de revisión…</translation>
    </message>
    <message>
        <source>Save the finished review as a file to carry to the issuer by hand</source>
        <translation>Guardar la revisión terminada como archivo para llevarla al emisor en mano</translation>
    </message>
    <message>
        <source>&lt;b&gt;By the rubric:&lt;/b&gt; choose a level for every criterion to see the decision.</source>
        <translation>&lt;b&gt;Según la rúbrica:&lt;/b&gt; elija un nivel para cada criterio para ver la decisión.</translation>
    </message>
    <message>
        <source>&lt;b&gt;By the rubric: %1&lt;/b&gt; (earned when every criterion reaches its passing level)</source>
        <translation>&lt;b&gt;Según la rúbrica: %1&lt;/b&gt; (obtenida cuando cada criterio alcanza su nivel aprobatorio)</translation>
    </message>
    <message>
        <source>Before you finish: %1.</source>
        <translation>Antes de terminar: %1.</translation>
    </message>
</context>
<context>
    <name>DraftEditor</name>
    <message>
        <source>Build package…</source>
        <translation>Crear paquete…</translation>
    </message>
    <message>
        <source>Start the next attempt</source>
        <translation>Empezar el siguiente intento</translation>
    </message>
    <message>
        <source>What the assessors said…</source>
        <translation>Lo que dijeron los evaluadores…</translation>
    </message>
    <message>
        <source>Feedback per criterion and the comments on your own evidence</source>
        <translation>Retroalimentación por criterio y los comentarios sobre su propia evidencia</translation>
    </message>
    <message>
        <source>Coaching…</source>
        <translation>Mentoría…</translation>
    </message>
    <message>
        <source>Your coach&apos;s comments on your evidence and practice scores beside the rubric</source>
        <translation>Los comentarios de su mentor sobre su evidencia y las puntuaciones de práctica junto a la rúbrica</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Enviar…</translation>
    </message>
    <message>
        <source>Put it in the outbox: it goes to the issuing server now or whenever a connection exists</source>
        <translation>Ponerlo en la bandeja de salida: va al servidor del emisor ahora o cuando haya conexión</translation>
    </message>
    <message>
        <source>What still needs doing</source>
        <translation>Lo que falta por hacer</translation>
    </message>
    <message>
        <source>Ready to send?</source>
        <translation>¿Listo para enviar?</translation>
    </message>
    <message>
        <source>Submission criteria</source>
        <translation>Criterios de entrega</translation>
    </message>
    <message>
        <source>Your evidence</source>
        <translation>Su evidencia</translation>
    </message>
    <message>
        <source>Drag a piece onto a criterion.</source>
        <translation>Arrastre una pieza sobre un criterio.</translation>
    </message>
    <message>
        <source>Attempt %1 of %2 · %3 · version %4</source>
        <translation>Intento %1 de %2 · %3 · versión %4</translation>
    </message>
    <message>
        <source>Your self-assessment against the rubric</source>
        <translation>Su autoevaluación según la rúbrica</translation>
    </message>
    <message>
        <source>How would you score yourself? It stays with your draft and helps you see what to strengthen.</source>
        <translation>¿Cómo se calificaría a sí mismo? Queda con su borrador y le ayuda a ver qué reforzar.</translation>
    </message>
    <message>
        <source>Self-assessment: %1</source>
        <translation>Autoevaluación: %1</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>Sin marcar</translation>
    </message>
    <message>
        <source> (passing)</source>
        <translation> (aprobatorio)</translation>
    </message>
    <message>
        <source>✓ Ready to package: every criterion is answered and nothing private is left.</source>
        <translation>✓ Listo para empaquetar: todos los criterios tienen respuesta y no queda nada privado.</translation>
    </message>
    <message numerus="yes">
        <source> %n thing(s) to look over.</source>
        <translation>
            <numerusform> %n cosa que revisar.</numerusform>
            <numerusform> %n cosas que revisar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 criteria done. %n thing(s) must be fixed before you send it; click one to go there.</source>
        <translation>
            <numerusform>%1 de %2 criterios hechos. Hay que arreglar %n cosa antes de enviarlo; haga clic en ella para ir allí.</numerusform>
            <numerusform>%1 de %2 criterios hechos. Hay que arreglar %n cosas antes de enviarlo; haga clic en una para ir allí.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftView</name>
    <message>
        <source>refused: %1</source>
        <translation>rechazado: %1</translation>
    </message>
    <message>
        <source>downloading, %1 % here</source>
        <translation>descargando, %1 % aquí</translation>
    </message>
</context>
<context>
    <name>DraftsPage</name>
    <message>
        <source>New draft…</source>
        <translation>Borrador nuevo…</translation>
    </message>
    <message>
        <source>Open a package…</source>
        <translation>Abrir un paquete…</translation>
    </message>
    <message>
        <source>Open a submission package someone gave you (a .zip), to read it</source>
        <translation>Abrir un paquete de entrega que alguien le dio (un .zip), para leerlo</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Borradores</translation>
    </message>
    <message>
        <source>No drafts yet.

Start one for the micro-credential you are working toward: press New draft…, or open a micro-credential in the Catalog and press Start a draft. mcdesk then lists what it asks for, checks what is missing, and saves every word as you type.</source>
        <translation>Todavía no hay borradores.

Empiece uno para la microcredencial que quiere obtener: pulse Borrador nuevo…, o abra una microcredencial en el Catálogo y pulse Empezar un borrador. mcdesk indica entonces lo que pide, revisa lo que falta y guarda cada palabra mientras escribe.</translation>
    </message>
    <message>
        <source>Search drafts</source>
        <translation>Buscar borradores</translation>
    </message>
    <message>
        <source>Pick a draft on the left to work on it.</source>
        <translation>Elija un borrador a la izquierda para trabajar en él.</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>revisando…</translation>
    </message>
    <message>
        <source>ready to package</source>
        <translation>listo para empaquetar</translation>
    </message>
    <message>
        <source>%1 to fix</source>
        <translation>%1 por arreglar</translation>
    </message>
    <message>
        <source>Attempt %1 · %2 · %3</source>
        <translation>Intento %1 · %2 · %3</translation>
    </message>
    <message>
        <source>The catalog has no micro-credential with submission criteria yet: import one in the Catalog first.</source>
        <translation>El catálogo todavía no tiene ninguna microcredencial con criterios de entrega: importe una primero en el Catálogo.</translation>
    </message>
    <message>
        <source>Started a draft for “%1”. Everything you write is saved as you type.</source>
        <translation>Se empezó un borrador para «%1». Todo lo que escriba se guarda mientras escribe.</translation>
    </message>
    <message>
        <source>Attempt %1 starts from your last one, with the assessors&apos; feedback beside each criterion.</source>
        <translation>El intento %1 parte del anterior, con la retroalimentación de los evaluadores junto a cada criterio.</translation>
    </message>
    <message>
        <source>Fix what the “Ready to send?” box lists first; then the package can be built.</source>
        <translation>Arregle primero lo que indica el cuadro «¿Listo para enviar?»; después se podrá crear el paquete.</translation>
    </message>
    <message>
        <source>Save the submission package</source>
        <translation>Guardar el paquete de entrega</translation>
    </message>
    <message>
        <source>Submission package (*.zip)</source>
        <translation>Paquete de entrega (*.zip)</translation>
    </message>
    <message>
        <source>Stopped. No package file was left behind.</source>
        <translation>Detenido. No quedó ningún archivo de paquete.</translation>
    </message>
    <message>
        <source>The package is saved: %1. A copy of exactly what it holds is kept in your portfolio.</source>
        <translation>El paquete está guardado: %1. Su portafolio guarda una copia exacta de lo que contiene.</translation>
    </message>
    <message>
        <source>Open a submission package</source>
        <translation>Abrir un paquete de entrega</translation>
    </message>
    <message>
        <source>Import a review of your submission</source>
        <translation>Importar una revisión de su entrega</translation>
    </message>
    <message>
        <source>mcdesk review files (*.mcreview);;All files (*)</source>
        <translation>Archivos de revisión de mcdesk (*.mcreview);;Todos los archivos (*)</translation>
    </message>
    <message numerus="yes">
        <source>Imported a review of %1, attempt %2: %n comment(s) for you.</source>
        <translation>
            <numerusform>Se importó una revisión de %1, intento %2: %n comentario para usted.</numerusform>
            <numerusform>Se importó una revisión de %1, intento %2: %n comentarios para usted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryDelegate</name>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
</context>
<context>
    <name>EvidenceCard</name>
    <message>
        <source>any evidence</source>
        <translation>cualquier evidencia</translation>
    </message>
    <message>
        <source> · exactly 1 item</source>
        <translation> · exactamente 1 elemento</translation>
    </message>
    <message>
        <source> · exactly %1 items</source>
        <translation> · exactamente %1 elementos</translation>
    </message>
    <message>
        <source> · %1 to %2 items</source>
        <translation> · de %1 a %2 elementos</translation>
    </message>
    <message>
        <source> · at least 1 item</source>
        <translation> · al menos 1 elemento</translation>
    </message>
    <message>
        <source> · at least %1 items</source>
        <translation> · al menos %1 elementos</translation>
    </message>
    <message>
        <source> · up to 1 item</source>
        <translation> · hasta 1 elemento</translation>
    </message>
    <message>
        <source> · up to %1 items</source>
        <translation> · hasta %1 elementos</translation>
    </message>
    <message>
        <source>Accepts: %1</source>
        <translation>Acepta: %1</translation>
    </message>
    <message>
        <source>Nothing attached yet. Drag evidence here from the list on the right, or press Attach…</source>
        <translation>Todavía no hay nada adjunto. Arrastre evidencias aquí desde la lista de la derecha, o pulse Adjuntar…</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Adjuntar…</translation>
    </message>
    <message>
        <source>(evidence no longer available)</source>
        <translation>(la evidencia ya no está disponible)</translation>
    </message>
    <message>
        <source>A note for the assessor (optional)</source>
        <translation>Una nota para el evaluador (opcional)</translation>
    </message>
    <message>
        <source>Caption for %1</source>
        <translation>Leyenda de %1</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Remove from this criterion</source>
        <translation>Quitar de este criterio</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Evidence at the comment</source>
        <translation>Evidencia en el comentario</translation>
    </message>
</context>
<context>
    <name>EvidenceListModel</name>
    <message>
        <source>%1 p.</source>
        <translation>%1 pág.</translation>
    </message>
    <message>
        <source>location</source>
        <translation>ubicación</translation>
    </message>
    <message>
        <source>consent?</source>
        <translation>¿consentimiento?</translation>
    </message>
    <message>
        <source>Still carries the place where it was taken</source>
        <translation>Todavía lleva el lugar donde se tomó</translation>
    </message>
    <message>
        <source>Consent: %1</source>
        <translation>Consentimiento: %1</translation>
    </message>
    <message>
        <source>A version: %1</source>
        <translation>Una versión: %1</translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>Videos</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Photos and images</source>
        <translation>Fotos e imágenes</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Escritos</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Enlaces</translation>
    </message>
    <message>
        <source>Not marked yet</source>
        <translation>Todavía sin marcar</translation>
    </message>
    <message>
        <source>Everyone on camera consented</source>
        <translation>Todas las personas en cámara dieron su consentimiento</translation>
    </message>
    <message>
        <source>Consent not yet given</source>
        <translation>Todavía no hay consentimiento</translation>
    </message>
    <message>
        <source>Faces without consent are blurred</source>
        <translation>Las caras sin consentimiento están difuminadas</translation>
    </message>
    <message>
        <source>Search evidence</source>
        <translation>Buscar evidencias</translation>
    </message>
    <message>
        <source>Show kind</source>
        <translation>Mostrar tipo</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Files…</source>
        <translation>Archivos…</translation>
    </message>
    <message>
        <source>A whole folder (a phone or camera card)…</source>
        <translation>Una carpeta entera (de un teléfono o una tarjeta de cámara)…</translation>
    </message>
    <message>
        <source>A link…</source>
        <translation>Un enlace…</translation>
    </message>
    <message>
        <source>New writing</source>
        <translation>Escrito nuevo</translation>
    </message>
    <message>
        <source>Privacy…</source>
        <translation>Privacidad…</translation>
    </message>
    <message>
        <source>Names of students, locations in photos, consent: what to fix before sharing</source>
        <translation>Nombres de estudiantes, ubicaciones en fotos, consentimiento: lo que hay que arreglar antes de compartir</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <source>No evidence yet.

Drop classroom videos, lesson plans, photos of student work or your notes here, or press Add files… A whole phone or camera folder works too. mcdesk keeps a copy; your originals are never changed.</source>
        <translation>Todavía no hay evidencias.

Suelte aquí videos de clase, planes de clase, fotos del trabajo de los estudiantes o sus notas, o pulse Añadir archivos… También sirve una carpeta entera del teléfono o de la cámara. mcdesk guarda una copia; sus originales nunca se modifican.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Añadir archivos…</translation>
    </message>
    <message>
        <source>No preview for this kind of file.</source>
        <translation>No hay vista previa para este tipo de archivo.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Consent of the people on camera</source>
        <translation>Consentimiento de las personas en cámara</translation>
    </message>
    <message>
        <source>It shows who I am (hidden from assessors in blind review)</source>
        <translation>Me identifica (oculta a los evaluadores en la revisión anónima)</translation>
    </message>
    <message>
        <source>Packages say so, and an assessor sees this piece only after choosing to show identifying details</source>
        <translation>Los paquetes lo indican, y un evaluador ve esta evidencia solo si decide mostrar los datos identificativos</translation>
    </message>
    <message>
        <source>e.g. my coach</source>
        <translation>p. ej., mi mentor</translation>
    </message>
    <message>
        <source>comma-separated, e.g. lesson 3, fractions</source>
        <translation>separadas por comas, p. ej., clase 3, fracciones</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>Datos:</translation>
    </message>
    <message>
        <source>&amp;Consent:</source>
        <translation>&amp;Consentimiento:</translation>
    </message>
    <message>
        <source>Captured &amp;by:</source>
        <translation>Grabado &amp;por:</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Eti&amp;quetas:</translation>
    </message>
    <message>
        <source>Privacy:</source>
        <translation>Privacidad:</translation>
    </message>
    <message>
        <source>Versions:</source>
        <translation>Versiones:</translation>
    </message>
    <message>
        <source>Used in:</source>
        <translation>Se usa en:</translation>
    </message>
    <message>
        <source>Remove location and details</source>
        <translation>Quitar ubicación y datos</translation>
    </message>
    <message>
        <source>Blur faces…</source>
        <translation>Difuminar caras…</translation>
    </message>
    <message>
        <source>Black out areas…</source>
        <translation>Tapar áreas…</translation>
    </message>
    <message>
        <source>Trim…</source>
        <translation>Recortar…</translation>
    </message>
    <message>
        <source>Compress…</source>
        <translation>Comprimir…</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <source>Pick a piece of evidence on the left to see it, describe it and make it safe to share.</source>
        <translation>Elija una evidencia a la izquierda para verla, describirla y dejarla lista para compartir sin riesgos.</translation>
    </message>
    <message>
        <source>No draft yet</source>
        <translation>Todavía no hay borrador</translation>
    </message>
    <message>
        <source>%1 of %2 pieces of evidence</source>
        <translation>%1 de %2 evidencias</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>de %1</translation>
    </message>
    <message>
        <source>taken %1</source>
        <translation>tomada el %1</translation>
    </message>
    <message>
        <source>version: %1</source>
        <translation>versión: %1</translation>
    </message>
    <message>
        <source>⚠ Carries the place where it was taken.</source>
        <translation>⚠ Lleva el lugar donde se tomó.</translation>
    </message>
    <message>
        <source>Holds: %1.</source>
        <translation>Contiene: %1.</translation>
    </message>
    <message>
        <source>⚠ Mark whether everyone on camera consented.</source>
        <translation>⚠ Indique si todas las personas en cámara dieron su consentimiento.</translation>
    </message>
    <message>
        <source>Nothing identifying found.</source>
        <translation>No se encontró nada identificativo.</translation>
    </message>
    <message>
        <source>Made from &lt;a href=&quot;%1&quot;&gt;the original&lt;/a&gt;.</source>
        <translation>Hecha a partir de &lt;a href=&quot;%1&quot;&gt;el original&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Versions made from it: %1.</source>
        <translation>Versiones hechas a partir de ella: %1.</translation>
    </message>
    <message>
        <source>This is an original.</source>
        <translation>Este es un original.</translation>
    </message>
    <message>
        <source>The text mcdesk read from this document (for word counts and the name check).</source>
        <translation>El texto que mcdesk leyó de este documento (para contar palabras y revisar nombres).</translation>
    </message>
    <message>
        <source>“%1” was moved to the trash.</source>
        <translation>«%1» se movió a la papelera.</translation>
    </message>
</context>
<context>
    <name>EvidenceTools</name>
    <message>
        <source>Add evidence</source>
        <translation>Añadir evidencias</translation>
    </message>
    <message>
        <source>Evidence (*.mp4 *.mov *.m4v *.mkv *.webm *.avi *.m4a *.mp3 *.wav *.jpg *.jpeg *.png *.heic *.heif *.webp *.gif *.pdf *.docx *.txt *.md);;All files (*)</source>
        <translation>Evidencias (*.mp4 *.mov *.m4v *.mkv *.webm *.avi *.m4a *.mp3 *.wav *.jpg *.jpeg *.png *.heic *.heif *.webp *.gif *.pdf *.docx *.txt *.md);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Add a whole folder</source>
        <translation>Añadir una carpeta entera</translation>
    </message>
    <message>
        <source>Adding was stopped; nothing half-added was kept.</source>
        <translation>Se detuvo la operación de añadir; no se guardó nada a medias.</translation>
    </message>
    <message>
        <source>Added 1 piece of evidence.</source>
        <translation>Se añadió 1 evidencia.</translation>
    </message>
    <message>
        <source>Added %1 pieces of evidence.</source>
        <translation>Se añadieron %1 evidencias.</translation>
    </message>
    <message>
        <source>%1 is already in your evidence as “%2”.</source>
        <translation>%1 ya está en sus evidencias como «%2».</translation>
    </message>
    <message>
        <source>%1 was not added: %2</source>
        <translation>%1 no se añadió: %2</translation>
    </message>
    <message>
        <source>1 file in the folder was skipped</source>
        <translation>Se omitió 1 archivo de la carpeta</translation>
    </message>
    <message>
        <source>%1 files in the folder were skipped</source>
        <translation>Se omitieron %1 archivos de la carpeta</translation>
    </message>
    <message>
        <source>: not evidence mcdesk knows.</source>
        <translation>: no es una evidencia que mcdesk conozca.</translation>
    </message>
    <message>
        <source>Nothing to add.</source>
        <translation>No hay nada que añadir.</translation>
    </message>
    <message>
        <source>Add a link</source>
        <translation>Añadir un enlace</translation>
    </message>
    <message>
        <source>Web address (for example a video your school hosts):</source>
        <translation>Dirección web (por ejemplo, un video que aloja su escuela):</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>New writing</source>
        <translation>Escrito nuevo</translation>
    </message>
    <message>
        <source>Stopped. Nothing was changed; no partial file was kept.</source>
        <translation>Detenido. No se cambió nada; no se guardó ningún archivo a medias.</translation>
    </message>
    <message>
        <source>Made “%1”. The original is unchanged.</source>
        <translation>Se hizo «%1». El original no cambió.</translation>
    </message>
    <message>
        <source>Removing location and details</source>
        <translation>Quitando ubicación y datos</translation>
    </message>
    <message>
        <source>Blurring faces</source>
        <translation>Difuminando caras</translation>
    </message>
    <message>
        <source>Blacking out areas</source>
        <translation>Tapando áreas</translation>
    </message>
    <message>
        <source>Trimming the video</source>
        <translation>Recortando el video</translation>
    </message>
    <message>
        <source>Compressing the video</source>
        <translation>Comprimiendo el video</translation>
    </message>
</context>
<context>
    <name>ExemplarPanel</name>
    <message>
        <source>Examples of work</source>
        <translation>Ejemplos de trabajo</translation>
    </message>
    <message>
        <source> (meets the bar)</source>
        <translation> (alcanza el nivel aprobatorio)</translation>
    </message>
    <message>
        <source> (not yet at the bar)</source>
        <translation> (todavía no alcanza el nivel aprobatorio)</translation>
    </message>
    <message>
        <source>Reached: %1</source>
        <translation>Nivel alcanzado: %1</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Por qué: %1</translation>
    </message>
    <message>
        <source>Example answer: %1</source>
        <translation>Respuesta de ejemplo: %1</translation>
    </message>
    <message>
        <source>Read the answer</source>
        <translation>Leer la respuesta</translation>
    </message>
    <message>
        <source>Hide the answer</source>
        <translation>Ocultar la respuesta</translation>
    </message>
    <message>
        <source>Watch the clip</source>
        <translation>Ver el fragmento</translation>
    </message>
    <message>
        <source>See the picture</source>
        <translation>Ver la imagen</translation>
    </message>
    <message>
        <source>Open the PDF</source>
        <translation>Abrir el PDF</translation>
    </message>
    <message>
        <source>Open the page</source>
        <translation>Abrir la página</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Online only: bring it down in Catalog (Make available offline) or with the next sync.</source>
        <translation>Solo en línea: descárguelo en Catálogo (Tener sin conexión) o con la próxima sincronización.</translation>
    </message>
    <message>
        <source>online only</source>
        <translation>solo en línea</translation>
    </message>
</context>
<context>
    <name>GoalBox</name>
    <message>
        <source>Progress towards your stack goal</source>
        <translation>Avance hacia su meta de serie</translation>
    </message>
    <message>
        <source>No goal</source>
        <translation>Sin meta</translation>
    </message>
    <message>
        <source>Stop aiming for this stack (your plan stays)</source>
        <translation>Dejar de apuntar a esta serie (su plan se conserva)</translation>
    </message>
    <message>
        <source>Add the rest to my plan</source>
        <translation>Agregar el resto a mi plan</translation>
    </message>
    <message>
        <source>Put the stack&apos;s micro-credentials you have not planned nor earned in your plan</source>
        <translation>Poner en su plan las microcredenciales de la serie que no ha planeado ni obtenido</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <source>Choose a stack goal…</source>
        <translation>Elegir una meta de serie…</translation>
    </message>
    <message>
        <source>No stack goal yet: choose a stack of the catalog to complete, and follow it here.</source>
        <translation>Todavía no tiene meta de serie: elija una serie del catálogo para completarla y sígala aquí.</translation>
    </message>
    <message>
        <source>Your stack goal is no longer in the catalog.</source>
        <translation>Su meta de serie ya no está en el catálogo.</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>para el %1</translation>
    </message>
    <message>
        <source>Stack goal: %1</source>
        <translation>Meta de serie: %1</translation>
    </message>
    <message>
        <source>%1 of %2 earned</source>
        <translation>%1 de %2 obtenidas</translation>
    </message>
    <message>
        <source>Not in your plan yet: %1</source>
        <translation>Todavía no están en su plan: %1</translation>
    </message>
    <message>
        <source>Every micro-credential of the stack is in your plan or earned.</source>
        <translation>Todas las microcredenciales de la serie están en su plan u obtenidas.</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>Your stack goal</source>
        <translation>Su meta de serie</translation>
    </message>
    <message>
        <source>Stack</source>
        <translation>Serie</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n micro-credential(s))</source>
        <translation>
            <numerusform>%1 (%n microcredencial)</numerusform>
            <numerusform>%1 (%n microcredenciales)</numerusform>
        </translation>
    </message>
    <message>
        <source>Complete it &amp;by:</source>
        <translation>Completarla a más &amp;tardar el:</translation>
    </message>
    <message>
        <source>Stack target date</source>
        <translation>Fecha meta de la serie</translation>
    </message>
    <message>
        <source>&amp;Stack:</source>
        <translation>&amp;Serie:</translation>
    </message>
    <message>
        <source>A stack groups micro-credentials; when you earn every one, the issuer can award the whole stack.</source>
        <translation>Una serie agrupa microcredenciales; cuando usted obtiene todas, el emisor puede otorgar la serie completa.</translation>
    </message>
    <message>
        <source>Set the goal</source>
        <translation>Fijar la meta</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Screenshot not made yet: %1

scripts/setup.sh makes the guide&apos;s screenshots from the app itself.</source>
        <translation>Captura de pantalla aún no hecha: %1

scripts/setup.sh hace las capturas de la guía desde la propia aplicación.</translation>
    </message>
    <message>
        <source>mcdesk user guide</source>
        <translation>Guía del usuario de mcdesk</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guía del usuario</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>For teachers</source>
        <translation>Para docentes</translation>
    </message>
    <message>
        <source>For coaches</source>
        <translation>Para mentores</translation>
    </message>
    <message>
        <source>For assessors</source>
        <translation>Para evaluadores</translation>
    </message>
    <message>
        <source>For issuer staff</source>
        <translation>Para el personal del emisor</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>ImagePreview</name>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
</context>
<context>
    <name>JobsIndicator</name>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the running job</source>
        <translation>Cancelar el trabajo en curso</translation>
    </message>
    <message>
        <source> (+%1 more)</source>
        <translation> (y %1 más)</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>mcdesk will be in %1 the next time it starts. Restart now? Your work is saved as you go, so nothing is lost.</source>
        <translation>mcdesk estará en %1 la próxima vez que se inicie. ¿Reiniciar ahora? Su trabajo se guarda sobre la marcha, así que no se pierde nada.</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Reiniciar ahora</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
</context>
<context>
    <name>LineUp</name>
    <message>
        <source>Lesson video</source>
        <translation>Video de la clase</translation>
    </message>
    <message>
        <source>Add the lesson video…</source>
        <translation>Añadir el video de la clase…</translation>
    </message>
    <message>
        <source>Line up by the video&apos;s start time</source>
        <translation>Alinear según la hora de inicio del video</translation>
    </message>
    <message>
        <source>Uses the time the camera says it started recording and the time the observation started on this laptop</source>
        <translation>Usa la hora en que la cámara dice que empezó a grabar y la hora en que empezó la observación en esta computadora</translation>
    </message>
    <message>
        <source>note </source>
        <translation>nota </translation>
    </message>
    <message>
        <source>Note number</source>
        <translation>Número de nota</translation>
    </message>
    <message>
        <source>This is the note</source>
        <translation>Esta es la nota</translation>
    </message>
    <message>
        <source>Play the video to the moment of a note, choose its number and press this: every note moves by the same amount</source>
        <translation>Reproduzca el video hasta el momento de una nota, elija su número y pulse esto: todas las notas se mueven lo mismo</translation>
    </message>
    <message>
        <source>Make the clips</source>
        <translation>Hacer los fragmentos</translation>
    </message>
    <message>
        <source>Each clip marked during the lesson becomes a trimmed copy of the video in your evidence</source>
        <translation>Cada fragmento marcado durante la clase se convierte en una copia recortada del video en sus evidencias</translation>
    </message>
    <message>
        <source>Video:</source>
        <translation>Video:</translation>
    </message>
    <message>
        <source>Not lined up yet. Choose the lesson video, then line the notes up by its start time, or play it to a moment you noted and press “This is the note”.</source>
        <translation>Todavía no está alineado. Elija el video de la clase y alinee las notas según su hora de inicio, o reprodúzcalo hasta un momento que anotó y pulse «Esta es la nota».</translation>
    </message>
    <message>
        <source>by the video&apos;s start time</source>
        <translation>según la hora de inicio del video</translation>
    </message>
    <message>
        <source>by a matched note</source>
        <translation>por una nota coincidente</translation>
    </message>
    <message>
        <source>{notes} notes lined up {how}; {made} of {clips} clips made.</source>
        <translation>{notes} notas alineadas {how}; {made} de {clips} fragmentos hechos.</translation>
    </message>
    <message>
        <source>The lesson video</source>
        <translation>El video de la clase</translation>
    </message>
</context>
<context>
    <name>LinkPreview</name>
    <message>
        <source>Open in the browser</source>
        <translation>Abrir en el navegador</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Places</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <source>Working as</source>
        <translation>Trabajando como</translation>
    </message>
    <message>
        <source>What you are doing today: your own micro-credentials, or reviewing others&apos;</source>
        <translation>Lo que hace hoy: sus propias microcredenciales, o revisar las de otros</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <source>Open Sync</source>
        <translation>Abrir Sincronizar</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Add evidence…</source>
        <translation>&amp;Añadir evidencias…</translation>
    </message>
    <message>
        <source>&amp;Import micro-credentials…</source>
        <translation>&amp;Importar microcredenciales…</translation>
    </message>
    <message>
        <source>Your &amp;name on submissions…</source>
        <translation>Su &amp;nombre en las entregas…</translation>
    </message>
    <message>
        <source>Import a &amp;review of my submission…</source>
        <translation>Importar una &amp;revisión de mi entrega…</translation>
    </message>
    <message>
        <source>&amp;Verify a credential…</source>
        <translation>&amp;Verificar una credencial…</translation>
    </message>
    <message>
        <source>&amp;Check portfolio…</source>
        <translation>Revisar el &amp;portafolio…</translation>
    </message>
    <message>
        <source>Show portfolio &amp;folder</source>
        <translation>Mostrar la &amp;carpeta del portafolio</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Sincronizar a&amp;hora</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Configuración</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>&amp;About mcdesk</source>
        <translation>A&amp;cerca de mcdesk</translation>
    </message>
    <message>
        <source>mcdesk could not open your portfolio</source>
        <translation>mcdesk no pudo abrir su portafolio</translation>
    </message>
    <message>
        <source>Show the portfolio folder</source>
        <translation>Mostrar la carpeta del portafolio</translation>
    </message>
    <message>
        <source>Portfolio: %1</source>
        <translation>Portafolio: %1</translation>
    </message>
    <message>
        <source>Nothing in the folder was changed or deleted.</source>
        <translation>No se cambió ni se borró nada de la carpeta.</translation>
    </message>
    <message>
        <source>A copy of the database as it was is in %1.</source>
        <translation>Hay una copia de la base de datos tal como estaba en %1.</translation>
    </message>
    <message>
        <source>Earlier copies of the database are kept in its backups folder.</source>
        <translation>Las copias anteriores de la base de datos se guardan en su carpeta de copias de seguridad.</translation>
    </message>
    <message>
        <source>Use the last backup (%1)</source>
        <translation>Usar la última copia de seguridad (%1)</translation>
    </message>
    <message>
        <source>Use the last backup?</source>
        <translation>¿Usar la última copia de seguridad?</translation>
    </message>
    <message>
        <source>mcdesk will put the last backup in place of the database it cannot open. Work done after that backup is not in it. The database it replaces is kept in the portfolio&apos;s trash folder, not deleted.</source>
        <translation>mcdesk pondrá la última copia de seguridad en lugar de la base de datos que no puede abrir. Lo que hizo después de esa copia no está en ella. La base de datos que reemplaza se guarda en la carpeta de papelera del portafolio, no se borra.</translation>
    </message>
    <message>
        <source>Your portfolio is back as it was on its last backup. The database it replaced is kept in %1.</source>
        <translation>Su portafolio volvió a como estaba en su última copia de seguridad. La base de datos que reemplazó se guarda en %1.</translation>
    </message>
    <message>
        <source>Welcome to mcdesk. This new portfolio holds a demo catalog of micro-credentials: pick one on the left to read what it asks for. Sample evidence is being prepared in Evidence.</source>
        <translation>Bienvenido a mcdesk. Este portafolio nuevo contiene un catálogo de demostración de microcredenciales: elija una a la izquierda para leer lo que pide. Se están preparando evidencias de ejemplo en Evidencias.</translation>
    </message>
    <message>
        <source>mcdesk was started again on this portfolio: here is its window.</source>
        <translation>mcdesk se inició otra vez con este portafolio: aquí está su ventana.</translation>
    </message>
    <message>
        <source>Your name on submissions</source>
        <translation>Su nombre en las entregas</translation>
    </message>
    <message>
        <source>The name your packages carry, so an issuer knows whose work it is.
Assessors do not see it: reviews are blind. Leave empty to send none.</source>
        <translation>El nombre que llevan sus paquetes, para que el emisor sepa de quién es el trabajo.
Los evaluadores no lo ven: las revisiones son anónimas. Déjelo vacío para no enviar ninguno.</translation>
    </message>
    <message>
        <source>Saved. Packages you build from now on carry it.</source>
        <translation>Guardado. Los paquetes que cree a partir de ahora lo llevan.</translation>
    </message>
    <message>
        <source>About mcdesk</source>
        <translation>Acerca de mcdesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;mcdesk %1&lt;/b&gt;&lt;p&gt;Educator micro-credentials, offline: gather evidence, check it, package it, send it when a connection exists.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;b&gt;mcdesk %1&lt;/b&gt;&lt;p&gt;Microcredenciales para educadores, sin conexión: reúna evidencias, revíselas, empaquételas y envíelas cuando haya conexión.&lt;/p&gt;&lt;p&gt;Con licencia GNU GPL, versión 3 o posterior.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Close notice</source>
        <translation>Cerrar el aviso</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>ObservationSession</name>
    <message>
        <source>Observation clock</source>
        <translation>Reloj de la observación</translation>
    </message>
    <message>
        <source>Time since the observation started</source>
        <translation>Tiempo desde que empezó la observación</translation>
    </message>
    <message>
        <source>Look-fors</source>
        <translation>Indicadores</translation>
    </message>
    <message>
        <source>Look-fors (the method components)</source>
        <translation>Indicadores (los componentes del método)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Type what you see; Enter saves it with the time</source>
        <translation>Escriba lo que ve; Intro la guarda con la hora</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nota nueva</translation>
    </message>
    <message>
        <source>Rubric criterion</source>
        <translation>Criterio de la rúbrica</translation>
    </message>
    <message>
        <source>Tie the next note (or the chosen one) to a criterion of the rubric</source>
        <translation>Vincular la próxima nota (o la elegida) a un criterio de la rúbrica</translation>
    </message>
    <message>
        <source>Start clip</source>
        <translation>Iniciar fragmento</translation>
    </message>
    <message>
        <source>Mark a stretch of the lesson to keep as a clip of the video: press at its start and again at its end</source>
        <translation>Marcar un tramo de la clase para guardarlo como fragmento del video: pulse al principio y otra vez al final</translation>
    </message>
    <message>
        <source>No criterion</source>
        <translation>Sin criterio</translation>
    </message>
    <message>
        <source>(seen at {time})</source>
        <translation>(visto a las {time})</translation>
    </message>
    <message>
        <source>[clip {start}–{end}]</source>
        <translation>[fragmento {start}–{end}]</translation>
    </message>
    <message>
        <source>[edited on both sides: choose a version]</source>
        <translation>[editada en ambos lados: elija una versión]</translation>
    </message>
    <message>
        <source>Note {number} saved.</source>
        <translation>Nota {number} guardada.</translation>
    </message>
    <message>
        <source>Observed {day}</source>
        <translation>Observada el {day}</translation>
    </message>
    <message>
        <source>End clip</source>
        <translation>Terminar fragmento</translation>
    </message>
    <message>
        <source>Clip started at {time}; press End clip when it is over.</source>
        <translation>Fragmento iniciado a las {time}; pulse Terminar fragmento cuando acabe.</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>Fragmento</translation>
    </message>
    <message>
        <source>Note {number} was edited here and on the other laptop. Which words do you keep?</source>
        <translation>La nota {number} se editó aquí y en la otra computadora. ¿Qué palabras conserva?</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>alguien</translation>
    </message>
    <message>
        <source>Keep “{text}” ({who})</source>
        <translation>Conservar «{text}» ({who})</translation>
    </message>
</context>
<context>
    <name>ObservePage</name>
    <message>
        <source>e.g. Sam Rivera</source>
        <translation>p. ej., Sam Rivera</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>Microcredencial</translation>
    </message>
    <message>
        <source>Start observing</source>
        <translation>Empezar a observar</translation>
    </message>
    <message>
        <source>Starts the observation clock now</source>
        <translation>Pone en marcha el reloj de la observación</translation>
    </message>
    <message>
        <source>New observation</source>
        <translation>Observación nueva</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Observaciones</translation>
    </message>
    <message>
        <source>No observations yet.

Before the lesson, write the teacher&apos;s name, pick the micro-credential and press Start observing: its method components become your look-fors, and each note you type is stamped with the time.</source>
        <translation>Todavía no hay observaciones.

Antes de la clase, escriba el nombre del docente, elija la microcredencial y pulse Empezar a observar: los componentes de su método se convierten en sus indicadores, y cada nota que escriba lleva la hora.</translation>
    </message>
    <message>
        <source>During the lesson</source>
        <translation>Durante la clase</translation>
    </message>
    <message>
        <source>After the lesson: the video</source>
        <translation>Después de la clase: el video</translation>
    </message>
    <message>
        <source>Export for the teacher…</source>
        <translation>Exportar para el docente…</translation>
    </message>
    <message>
        <source>The notes, the look-fors, the lesson video and its clips in a bundle the teacher imports on their laptop</source>
        <translation>Las notas, los indicadores, el video de la clase y sus fragmentos en un paquete que el docente importa en su computadora</translation>
    </message>
    <message>
        <source>Start an observation, or pick one on the left.</source>
        <translation>Empiece una observación o elija una a la izquierda.</translation>
    </message>
    <message>
        <source>{teacher}
{mc}
{day}</source>
        <translation>{teacher}
{mc}
{day}</translation>
    </message>
    <message>
        <source>{teacher}: {mc}</source>
        <translation>{teacher}: {mc}</translation>
    </message>
    <message>
        <source>Write the teacher&apos;s name first.</source>
        <translation>Escriba primero el nombre del docente.</translation>
    </message>
    <message>
        <source>Import a catalog first: the look-fors come from the micro-credential.</source>
        <translation>Importe primero un catálogo: los indicadores vienen de la microcredencial.</translation>
    </message>
    <message>
        <source>“{title}” is in your evidence.</source>
        <translation>«{title}» está en sus evidencias.</translation>
    </message>
    <message>
        <source>The notes are lined up with the video.</source>
        <translation>Las notas están alineadas con el video.</translation>
    </message>
    <message>
        <source>Clips added to your evidence: {count}.</source>
        <translation>Fragmentos añadidos a sus evidencias: {count}.</translation>
    </message>
    <message>
        <source>Export for the teacher</source>
        <translation>Exportar para el docente</translation>
    </message>
    <message>
        <source>mcdesk exchange bundles (*.mcexchange *.zip)</source>
        <translation>Paquetes de intercambio de mcdesk (*.mcexchange *.zip)</translation>
    </message>
    <message>
        <source>Wrote {file}: {notes} notes and {count} videos for the teacher.</source>
        <translation>Se escribió {file}: {notes} notas y {count} videos para el docente.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
</context>
<context>
    <name>PickEvidenceDialog</name>
    <message>
        <source>Attach evidence</source>
        <translation>Adjuntar evidencias</translation>
    </message>
    <message>
        <source>Evidence to attach</source>
        <translation>Evidencias para adjuntar</translation>
    </message>
    <message>
        <source>None of your evidence fits here yet. Add it in the Evidence place first.</source>
        <translation>Ninguna de sus evidencias sirve aquí todavía. Añádala primero en Evidencias.</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Adjuntar</translation>
    </message>
</context>
<context>
    <name>PlanCounts</name>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>atrasada %n día</numerusform>
            <numerusform>atrasada %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>due in %n day(s)</source>
        <translation>
            <numerusform>vence en %n día</numerusform>
            <numerusform>vence en %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n atrasada</numerusform>
            <numerusform>%n atrasadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due within %1 days</source>
        <translation>
            <numerusform>%n vence dentro de %1 días</numerusform>
            <numerusform>%n vencen dentro de %1 días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanDetail</name>
    <message>
        <source>Start a draft</source>
        <translation>Empezar un borrador</translation>
    </message>
    <message>
        <source>Open the draft</source>
        <translation>Abrir el borrador</translation>
    </message>
    <message>
        <source>Read it in the Catalog</source>
        <translation>Leerla en el Catálogo</translation>
    </message>
    <message>
        <source>Move the date…</source>
        <translation>Cambiar la fecha…</translation>
    </message>
    <message>
        <source>Take out of the plan</source>
        <translation>Quitar del plan</translation>
    </message>
    <message>
        <source>Its drafts and badges stay where they are</source>
        <translation>Sus borradores e insignias se quedan donde están</translation>
    </message>
    <message>
        <source>Choose a micro-credential on the left to see where it is.</source>
        <translation>Elija una microcredencial a la izquierda para ver en qué punto está.</translation>
    </message>
    <message>
        <source>%1 of %2 criteria done</source>
        <translation>%1 de %2 criterios terminados</translation>
    </message>
    <message>
        <source>It is no longer in your catalog.</source>
        <translation>Ya no está en su catálogo.</translation>
    </message>
    <message>
        <source>Send it by %1</source>
        <translation>Enviarla a más tardar el %1</translation>
    </message>
    <message>
        <source>Counts for %1 in-service hours under %2.</source>
        <translation>Cuenta por %1 horas de formación en servicio según %2.</translation>
    </message>
    <message>
        <source>No hours shown: %1.</source>
        <translation>No se muestran horas: %1.</translation>
    </message>
    <message>
        <source>Read the feedback</source>
        <translation>Leer la retroalimentación</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Add a micro-credential…</source>
        <translation>Agregar una microcredencial…</translation>
    </message>
    <message>
        <source>Put a micro-credential of the catalog in your plan with the date you aim to send it by</source>
        <translation>Poner una microcredencial del catálogo en su plan con la fecha en que piensa enviarla</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Remind me this many days before a target date</source>
        <translation>Recordármelo esta cantidad de días antes de una fecha meta</translation>
    </message>
    <message>
        <source>&amp;Remind me</source>
        <translation>&amp;Recordarme</translation>
    </message>
    <message>
        <source>before a target date</source>
        <translation>antes de una fecha meta</translation>
    </message>
    <message>
        <source>Your plan</source>
        <translation>Su plan</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>Microcredencial</translation>
    </message>
    <message>
        <source>Send by</source>
        <translation>Enviar antes del</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Your plan is empty.

Choose the micro-credentials you aim to earn and the day you aim to send each one by: mcdesk follows each from studying to earned, counts the in-service hours it will give, and reminds you here when a date nears.

In the Catalog, press Add to plan… on a micro-credential, or add one here.</source>
        <translation>Su plan está vacío.

Elija las microcredenciales que quiere obtener y el día en que piensa enviar cada una: mcdesk sigue cada una desde el estudio hasta obtenerla, cuenta las horas de formación en servicio que le dará y se lo recuerda aquí cuando se acerca una fecha.

En el Catálogo, pulse Agregar al plan… en una microcredencial, o agregue una aquí.</translation>
    </message>
    <message>
        <source>Hours under %1: %2 in all</source>
        <translation>Horas según %1: %2 en total</translation>
    </message>
    <message>
        <source>No recognition rule yet (Badges → Recognition rules…), so no hours are shown</source>
        <translation>Todavía no hay regla de reconocimiento (Insignias → Reglas de reconocimiento…), así que no se muestran horas</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>atrasada</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>vence pronto</translation>
    </message>
    <message>
        <source>“%1” is in your plan: send it by %2.</source>
        <translation>«%1» está en su plan: envíela a más tardar el %2.</translation>
    </message>
    <message>
        <source>“%1” moved: send it by %2.</source>
        <translation>«%1» cambió de fecha: envíela a más tardar el %2.</translation>
    </message>
    <message>
        <source>“%1” is out of your plan; its drafts stay in Drafts.</source>
        <translation>«%1» salió de su plan; sus borradores se quedan en Borradores.</translation>
    </message>
    <message numerus="yes">
        <source>%n micro-credential(s) added to your plan, by %1; move each date as you like.</source>
        <translation>
            <numerusform>%n microcredencial agregada a su plan, para el %1; cambie cada fecha como quiera.</numerusform>
            <numerusform>%n microcredenciales agregadas a su plan, para el %1; cambie cada fecha como quiera.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PracticeScores</name>
    <message>
        <source>Practice scores (for the teacher only)</source>
        <translation>Puntuaciones de práctica (solo para el docente)</translation>
    </message>
    <message>
        <source>What you would give each criterion today. They go to the teacher with your comments, never to an issuer.</source>
        <translation>Lo que le daría hoy a cada criterio. Van al docente con sus comentarios, nunca a un emisor.</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>Sin calificar</translation>
    </message>
    <message>
        <source>This micro-credential&apos;s rubric is not in your catalog: import the catalog to score against it.</source>
        <translation>La rúbrica de esta microcredencial no está en su catálogo: importe el catálogo para calificar con ella.</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Privacy check</source>
        <translation>Revisión de privacidad</translation>
    </message>
    <message>
        <source>Checking your evidence…</source>
        <translation>Revisando sus evidencias…</translation>
    </message>
    <message>
        <source>Privacy checks</source>
        <translation>Revisiones de privacidad</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Revisar de nuevo</translation>
    </message>
    <message>
        <source>Look through all your evidence once more (F5)</source>
        <translation>Volver a revisar todas sus evidencias (F5)</translation>
    </message>
    <message>
        <source>Names that must not leave this computer</source>
        <translation>Nombres que no deben salir de esta computadora</translation>
    </message>
    <message>
        <source>Add your students&apos; names, your own and your school&apos;s. mcdesk looks for them in titles, file names and the text of your evidence. The list stays on this computer.</source>
        <translation>Añada los nombres de sus estudiantes, el suyo y el de su escuela. mcdesk los busca en los títulos, los nombres de archivo y el texto de sus evidencias. La lista se queda en esta computadora.</translation>
    </message>
    <message>
        <source>Names to keep private</source>
        <translation>Nombres que mantener en privado</translation>
    </message>
    <message>
        <source>A name, e.g. Maya Lopez</source>
        <translation>Un nombre, p. ej., Maya Lopez</translation>
    </message>
    <message>
        <source>Name to add</source>
        <translation>Nombre que añadir</translation>
    </message>
    <message>
        <source>Who this is</source>
        <translation>Quién es</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Escuela</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Add name</source>
        <translation>Añadir nombre</translation>
    </message>
    <message>
        <source>Remove name</source>
        <translation>Quitar nombre</translation>
    </message>
    <message>
        <source>Remove the selected name from the list</source>
        <translation>Quitar de la lista el nombre seleccionado</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Encontrado en</translation>
    </message>
    <message>
        <source>Where the name appears</source>
        <translation>Dónde aparece el nombre</translation>
    </message>
    <message>
        <source>Names found in evidence</source>
        <translation>Nombres encontrados en las evidencias</translation>
    </message>
    <message>
        <source>Double-click a row to open that evidence, then rename it, edit its text, or black out the name.</source>
        <translation>Haga doble clic en una fila para abrir esa evidencia; luego cámbiele el nombre, edite su texto o tape el nombre.</translation>
    </message>
    <message>
        <source>These photos and videos still record where they were taken, which can show where a student lives. Select it in Evidence and choose Remove location: mcdesk makes a copy without it. Double-click a row to go to it.</source>
        <translation>Estas fotos y videos todavía registran dónde se tomaron, lo que puede mostrar dónde vive un estudiante. Selecciónelo en Evidencias y elija Quitar ubicación: mcdesk hace una copia sin ella. Haga doble clic en una fila para ir allí.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Evidence with a location</source>
        <translation>Evidencias con ubicación</translation>
    </message>
    <message>
        <source>No evidence records a location. ✓</source>
        <translation>Ninguna evidencia registra una ubicación. ✓</translation>
    </message>
    <message>
        <source>Everyone seen in a photo or video must have agreed to be seen by assessors. Select it in Evidence and set its consent, or blur the faces of those who have not agreed. Double-click a row to go to it.</source>
        <translation>Todas las personas que aparecen en una foto o un video deben haber aceptado que los evaluadores las vean. Selecciónelo en Evidencias e indique su consentimiento, o difumine las caras de quienes no lo hayan aceptado. Haga doble clic en una fila para ir allí.</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Photos and videos without consent</source>
        <translation>Fotos y videos sin consentimiento</translation>
    </message>
    <message>
        <source>Every photo and video has consent or blurred faces. ✓</source>
        <translation>Todas las fotos y videos tienen consentimiento o caras difuminadas. ✓</translation>
    </message>
    <message>
        <source>The privacy check could not finish: %1</source>
        <translation>La revisión de privacidad no pudo terminar: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No names yet.</source>
        <translation>Todavía no hay nombres.</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>nombre de archivo</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>None of these names appears in your evidence. ✓</source>
        <translation>Ninguno de estos nombres aparece en sus evidencias. ✓</translation>
    </message>
    <message>
        <source>Add names above and mcdesk shows every place they appear.</source>
        <translation>Añada nombres arriba y mcdesk le muestra cada lugar donde aparecen.</translation>
    </message>
    <message>
        <source>Found in your evidence (%1)</source>
        <translation>Encontrado en sus evidencias (%1)</translation>
    </message>
    <message>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>foto</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>audio</translation>
    </message>
    <message>
        <source>document</source>
        <translation>documento</translation>
    </message>
    <message>
        <source>writing</source>
        <translation>escrito</translation>
    </message>
    <message>
        <source>link</source>
        <translation>enlace</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin indicar</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>&amp;Names</source>
        <translation>&amp;Nombres</translation>
    </message>
    <message>
        <source>&amp;Locations</source>
        <translation>&amp;Ubicaciones</translation>
    </message>
    <message>
        <source>&amp;Consent</source>
        <translation>&amp;Consentimiento</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Nothing to fix: no names from your list, no locations, and consent for every photo and video.</source>
        <translation>Nada que arreglar: ningún nombre de su lista, ninguna ubicación, y consentimiento para cada foto y video.</translation>
    </message>
    <message>
        <source>a private name found once</source>
        <translation>un nombre privado encontrado una vez</translation>
    </message>
    <message>
        <source>private names found %1 times</source>
        <translation>nombres privados encontrados %1 veces</translation>
    </message>
    <message>
        <source>one piece of evidence with a location</source>
        <translation>una evidencia con ubicación</translation>
    </message>
    <message>
        <source>%1 with a location</source>
        <translation>%1 con ubicación</translation>
    </message>
    <message>
        <source>one photo or video without consent</source>
        <translation>una foto o video sin consentimiento</translation>
    </message>
    <message>
        <source>%1 photos and videos without consent</source>
        <translation>%1 fotos y videos sin consentimiento</translation>
    </message>
    <message>
        <source>Before you share, look at these: %1.</source>
        <translation>Antes de compartir, revise esto: %1.</translation>
    </message>
    <message>
        <source>“%1” is on the list; mcdesk is looking for it.</source>
        <translation>«%1» está en la lista; mcdesk lo está buscando.</translation>
    </message>
    <message>
        <source>“%1” was removed from the list.</source>
        <translation>«%1» se quitó de la lista.</translation>
    </message>
</context>
<context>
    <name>ReceivedCommentsDialog</name>
    <message>
        <source>What the assessors said</source>
        <translation>Lo que dijeron los evaluadores</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Evidence with comments</source>
        <translation>Evidencias con comentarios</translation>
    </message>
    <message>
        <source>earned</source>
        <translation>obtenida</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>&lt;b&gt;Attempt %1: %2.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Intento %1: %2.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Attempt %1: what the assessors said.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Intento %1: lo que dijeron los evaluadores.&lt;/b&gt;</translation>
    </message>
    <message>
        <source> No feedback per criterion came back.</source>
        <translation> No llegó retroalimentación por criterio.</translation>
    </message>
    <message>
        <source>%1 (%2 comments)</source>
        <translation>%1 (%2 comentarios)</translation>
    </message>
    <message>
        <source>No comments on your evidence came back.</source>
        <translation>No llegaron comentarios sobre sus evidencias.</translation>
    </message>
</context>
<context>
    <name>ReceivedPackageDialog</name>
    <message>
        <source>Received package</source>
        <translation>Paquete recibido</translation>
    </message>
    <message>
        <source>Version %1 · attempt %2 · every file checked against its hash</source>
        <translation>Versión %1 · intento %2 · cada archivo comprobado con su hash</translation>
    </message>
</context>
<context>
    <name>RedactDialog</name>
    <message>
        <source>Black out areas in “%1”</source>
        <translation>Tapar áreas en «%1»</translation>
    </message>
    <message>
        <source>Make copy with areas blacked out</source>
        <translation>Hacer copia con las áreas tapadas</translation>
    </message>
    <message>
        <source>Drag over anything that must not be seen: a name on a worksheet, a face, a badge. mcdesk makes a new copy with those areas blacked out; your original stays untouched.</source>
        <translation>Arrastre sobre lo que no se debe ver: un nombre en una hoja de trabajo, una cara, un gafete. mcdesk hace una copia nueva con esas áreas tapadas; su original queda intacto.</translation>
    </message>
</context>
<context>
    <name>RegionEditor</name>
    <message>
        <source>Picture with marked areas</source>
        <translation>Imagen con áreas marcadas</translation>
    </message>
    <message>
        <source>Remove this area</source>
        <translation>Quitar esta área</translation>
    </message>
    <message>
        <source>Add an area here</source>
        <translation>Añadir un área aquí</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>Ajustar a la ventana</translation>
    </message>
    <message>
        <source>No areas marked.</source>
        <translation>No hay áreas marcadas.</translation>
    </message>
    <message>
        <source>One area marked.</source>
        <translation>Una área marcada.</translation>
    </message>
    <message>
        <source>%1 areas marked.</source>
        <translation>%1 áreas marcadas.</translation>
    </message>
    <message>
        <source>One is selected: arrows move it, Shift+arrows resize it, Delete removes it.</source>
        <translation>Hay una seleccionada: las flechas la mueven, Mayús+flechas cambian su tamaño, Supr la quita.</translation>
    </message>
    <message>
        <source>Drag on the picture or press Insert to add an area; Tab selects the next one.</source>
        <translation>Arrastre sobre la imagen o pulse Insert para añadir un área; Tab selecciona la siguiente.</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message numerus="yes">
        <source>%n micro-credential(s) need you soon:</source>
        <translation>
            <numerusform>%n microcredencial necesita su atención pronto:</numerusform>
            <numerusform>%n microcredenciales necesitan su atención pronto:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewWorkspace</name>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Grabación</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>finished, waiting to be sent</source>
        <translation>terminada, esperando el envío</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviada</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>exportada</translation>
    </message>
    <message>
        <source>not sent: changed on the server</source>
        <translation>no enviada: cambió en el servidor</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrada</translation>
    </message>
    <message>
        <source>&lt;b&gt;Finished.&lt;/b&gt; It goes to %1 with the next sync; until then you can reopen it.</source>
        <translation>&lt;b&gt;Terminada.&lt;/b&gt; Se envía a %1 con la próxima sincronización; hasta entonces puede reabrirla.</translation>
    </message>
    <message>
        <source>Last try: %1</source>
        <translation>Último intento: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sent&lt;/b&gt; to %1 on %2. It can no longer change.</source>
        <translation>&lt;b&gt;Enviada&lt;/b&gt; a %1 el %2. Ya no puede cambiar.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Exported&lt;/b&gt; to a review file on %1. It can no longer change; you can export it again.</source>
        <translation>&lt;b&gt;Exportada&lt;/b&gt; a un archivo de revisión el %1. Ya no puede cambiar; puede exportarla otra vez.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not sent:&lt;/b&gt; %1 holds a different version of this review (changed elsewhere). Yours was kept and theirs was not overwritten.</source>
        <translation>&lt;b&gt;No enviada:&lt;/b&gt; %1 tiene otra versión de esta revisión (cambiada en otro lugar). La suya se conservó y la otra no se sobrescribió.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Closed:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Cerrada:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>the submission was decided before this review reached the server.</source>
        <translation>la entrega se decidió antes de que esta revisión llegara al servidor.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Calibration.&lt;/b&gt; Score this submission as you would a live one. When you finish and sync, %1 compares your levels with those of trained assessors and shows you where and why they differ; live reviews come once you agree closely enough.</source>
        <translation>&lt;b&gt;Calibración.&lt;/b&gt; Puntúe esta entrega como puntuaría una real. Cuando termine y sincronice, %1 compara sus niveles con los de evaluadores formados y le muestra dónde y por qué difieren; las revisiones reales llegan cuando coincida lo suficiente.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Calibration:&lt;/b&gt; %1 of %2 criteria at the reference level.</source>
        <translation>&lt;b&gt;Calibración:&lt;/b&gt; %1 de %2 criterios en el nivel de referencia.</translation>
    </message>
    <message>
        <source>“%1”: yours %2, the reference %3. &lt;i&gt;%4&lt;/i&gt;</source>
        <translation>«%1»: el suyo %2, el de referencia %3. &lt;i&gt;%4&lt;/i&gt;</translation>
    </message>
    <message>
        <source>You are released to live reviews of this micro-credential.</source>
        <translation>Ya puede hacer revisiones reales de esta microcredencial.</translation>
    </message>
    <message>
        <source>Not released to live reviews yet: %1 of %2 calibration items scored, %3 of the levels exactly as the reference. You can score an item again.</source>
        <translation>Aún no puede hacer revisiones reales: %1 de %2 entregas de calibración puntuadas, %3 de los niveles iguales a la referencia. Puede puntuar una entrega de nuevo.</translation>
    </message>
    <message>
        <source>Theirs: %1; decision %2.</source>
        <translation>La otra: %1; decisión %2.</translation>
    </message>
    <message>
        <source>choose a level for “%1”</source>
        <translation>elija un nivel para «%1»</translation>
    </message>
    <message>
        <source>the rubric of %1 (version %2) is not in this portfolio&apos;s catalog; sync or import the catalog first</source>
        <translation>la rúbrica de %1 (versión %2) no está en el catálogo de este portafolio; sincronice o importe el catálogo primero</translation>
    </message>
    <message>
        <source>the decision must be “earned” or “not yet”</source>
        <translation>la decisión debe ser «obtenida» o «todavía no»</translation>
    </message>
    <message>
        <source>write why you decide differently from the rubric</source>
        <translation>escriba por qué decide algo distinto de la rúbrica</translation>
    </message>
    <message>
        <source>a review holds at most %1 comments</source>
        <translation>una revisión admite como máximo %1 comentarios</translation>
    </message>
    <message>
        <source>Reopen to change it</source>
        <translation>Reabrir para cambiarla</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Send mine anyway</source>
        <translation>Enviar la mía de todos modos</translation>
    </message>
    <message>
        <source>Replace the server&apos;s version with yours, knowingly</source>
        <translation>Reemplazar la versión del servidor por la suya, a sabiendas</translation>
    </message>
    <message>
        <source>Submission criteria and evidence</source>
        <translation>Criterios de entrega y evidencias</translation>
    </message>
    <message>
        <source>The submission is still downloading; it opens here when it has arrived.</source>
        <translation>La entrega todavía se está descargando; se abre aquí cuando llegue.</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Criterion %1</source>
        <translation>Criterio %1</translation>
    </message>
    <message>
        <source>Written answer</source>
        <translation>Respuesta escrita</translation>
    </message>
    <message>
        <source>Written answer · %1 words</source>
        <translation>Respuesta escrita · %1 palabras</translation>
    </message>
    <message>
        <source>Hidden for a blind review</source>
        <translation>Oculta por revisión anónima</translation>
    </message>
    <message>
        <source>The earner marked this piece as identifying. Show identifying details to see it.</source>
        <translation>Quien presenta marcó esta evidencia como identificativa. Muestre los datos identificativos para verla.</translation>
    </message>
    <message>
        <source> · due %1</source>
        <translation> · vence el %1</translation>
    </message>
    <message>
        <source>Calibration item · version %2%3 · %4 · time spent %5</source>
        <translation>Entrega de calibración · versión %2%3 · %4 · tiempo dedicado %5</translation>
    </message>
    <message>
        <source>Attempt %1 · version %2%3 · %4 · time spent %5</source>
        <translation>Intento %1 · versión %2%3 · %4 · tiempo dedicado %5</translation>
    </message>
    <message>
        <source>Earner: %1</source>
        <translation>Quien presenta: %1</translation>
    </message>
    <message>
        <source>Blind review: the earner&apos;s name and anything marked as identifying are hidden.</source>
        <translation>Revisión anónima: el nombre de quien presenta y todo lo marcado como identificativo están ocultos.</translation>
    </message>
    <message>
        <source>Identifying details are shown.</source>
        <translation>Se muestran los datos identificativos.</translation>
    </message>
    <message>
        <source>Show identifying details</source>
        <translation>Mostrar datos identificativos</translation>
    </message>
    <message>
        <source>Hide identifying details</source>
        <translation>Ocultar datos identificativos</translation>
    </message>
    <message>
        <source>Score it again</source>
        <translation>Puntuarla de nuevo</translation>
    </message>
    <message>
        <source>The earner&apos;s caption: %1</source>
        <translation>La leyenda de quien presenta: %1</translation>
    </message>
    <message>
        <source>The review is finished and waits in the outbox; it is sent with the next sync.</source>
        <translation>La revisión está terminada y espera en la bandeja de salida; se envía con la próxima sincronización.</translation>
    </message>
</context>
<context>
    <name>ReviewsPage</name>
    <message>
        <source>Open a package…</source>
        <translation>Abrir un paquete…</translation>
    </message>
    <message>
        <source>Review a submission package someone gave you (a .zip file)</source>
        <translation>Revisar un paquete de entrega que alguien le dio (un archivo .zip)</translation>
    </message>
    <message>
        <source>Submissions to review</source>
        <translation>Entregas por revisar</translation>
    </message>
    <message>
        <source>Nothing to review yet.

When an issuer assigns you a submission, Sync downloads it here so you can review it without a connection: watch the video, comment on moments, score the rubric.

Someone gave you a package file? Press Open a package… or drop it here.</source>
        <translation>Todavía no hay nada que revisar.

Cuando un emisor le asigne una entrega, Sincronizar la descarga aquí para que la revise sin conexión: vea el video, comente momentos, califique con la rúbrica.

¿Alguien le dio un archivo de paquete? Pulse Abrir un paquete… o suéltelo aquí.</translation>
    </message>
    <message>
        <source>Try a sample submission</source>
        <translation>Probar una entrega de ejemplo</translation>
    </message>
    <message>
        <source>Open a made-up exit-ticket submission with a classroom video to practise on</source>
        <translation>Abrir una entrega inventada de boletos de salida con un video de clase para practicar</translation>
    </message>
    <message>
        <source>Search reviews</source>
        <translation>Buscar revisiones</translation>
    </message>
    <message>
        <source>Pick a submission on the left to review it.</source>
        <translation>Elija una entrega a la izquierda para revisarla.</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>finished · waiting to send</source>
        <translation>terminada · esperando el envío</translation>
    </message>
    <message>
        <source>sent ✓</source>
        <translation>enviada ✓</translation>
    </message>
    <message>
        <source>exported ✓</source>
        <translation>exportada ✓</translation>
    </message>
    <message>
        <source>⚠ changed on the server</source>
        <translation>⚠ cambió en el servidor</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrada</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>sin empezar</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Calibración</translation>
    </message>
    <message>
        <source>Attempt %1</source>
        <translation>Intento %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>vence el %1</translation>
    </message>
    <message>
        <source>%1/%2 scored</source>
        <translation>%1/%2 calificados</translation>
    </message>
    <message>
        <source>Open a submission package to review</source>
        <translation>Abrir un paquete de entrega para revisarlo</translation>
    </message>
    <message>
        <source>Submission packages (*.zip);;All files (*)</source>
        <translation>Paquetes de entrega (*.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Opened for review: %1, attempt %2.</source>
        <translation>Abierta para revisión: %1, intento %2.</translation>
    </message>
    <message>
        <source>Export the review to a file</source>
        <translation>Exportar la revisión a un archivo</translation>
    </message>
    <message>
        <source>mcdesk review files (*.mcreview)</source>
        <translation>Archivos de revisión de mcdesk (*.mcreview)</translation>
    </message>
    <message>
        <source>The review was saved to %1. Carry it to the issuer; it can no longer change here.</source>
        <translation>La revisión se guardó en %1. Llévela al emisor; aquí ya no puede cambiar.</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Recognition rules</source>
        <translation>Reglas de reconocimiento</translation>
    </message>
    <message>
        <source>How your district or state turns micro-credentials into in-service hours. The active rule counts the hours shown in Badges and in transcripts.</source>
        <translation>Cómo su distrito o estado convierte las microcredenciales en horas de formación en servicio. La regla activa cuenta las horas que se muestran en Insignias y en las constancias.</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Reglas</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Regla nueva</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>e.g. Riverbend Unified School District</source>
        <translation>p. ej., Distrito Escolar Unificado Riverbend</translation>
    </message>
    <message>
        <source>Use the hours each micro-credential&apos;s catalog entry gives</source>
        <translation>Usar las horas que indica el catálogo para cada microcredencial</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> horas</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Como máximo</translation>
    </message>
    <message>
        <source> hours a year</source>
        <translation> horas al año</translation>
    </message>
    <message>
        <source>Count only credentials that verified</source>
        <translation>Contar solo las credenciales verificadas</translation>
    </message>
    <message>
        <source>Active (the rule used for hours)</source>
        <translation>Activa (la regla usada para las horas)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Per micro-credential</source>
        <translation>Por microcredencial</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Límite</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>Guardar la regla</translation>
    </message>
    <message>
        <source>(active)</source>
        <translation>(activa)</translation>
    </message>
    <message>
        <source>Give the rule a name, e.g. your district&apos;s.</source>
        <translation>Dele un nombre a la regla, p. ej., el de su distrito.</translation>
    </message>
</context>
<context>
    <name>ScoringPanel</name>
    <message>
        <source>Rubric</source>
        <translation>Rúbrica</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rubric&lt;/b&gt;</source>
        <translation>&lt;b&gt;Rúbrica&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rubric&lt;/b&gt; — %1 criteria</source>
        <translation>&lt;b&gt;Rúbrica&lt;/b&gt; — %1 criterios</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rubric&lt;/b&gt; — this micro-credential&apos;s rubric is not in your catalog.</source>
        <translation>&lt;b&gt;Rúbrica&lt;/b&gt; — la rúbrica de esta microcredencial no está en su catálogo.</translation>
    </message>
</context>
<context>
    <name>SearchableList</name>
    <message>
        <source>Nothing here matches “%1”.</source>
        <translation>Nada aquí coincide con «%1».</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Sign in again</source>
        <translation>Iniciar sesión de nuevo</translation>
    </message>
    <message>
        <source>Add a server</source>
        <translation>Añadir un servidor</translation>
    </message>
    <message>
        <source>Your program coordinator gives you the server&apos;s address and a token. The token is kept in your computer&apos;s keyring, never in the portfolio.</source>
        <translation>El coordinador de su programa le da la dirección del servidor y un token. El token se guarda en el llavero de su computadora, nunca en el portafolio.</translation>
    </message>
    <message>
        <source>a short name, e.g. riverbend</source>
        <translation>un nombre corto, p. ej., riverbend</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
</context>
<context>
    <name>SideBySideView</name>
    <message>
        <source>Reviews side by side</source>
        <translation>Revisiones lado a lado</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;background:#f6d58c&apos;&gt;&amp;nbsp;amber&amp;nbsp;&lt;/span&gt; the assessors fall on both sides of the passing level &amp;nbsp; &lt;span style=&apos;background:#e8eef8&apos;&gt;&amp;nbsp;blue&amp;nbsp;&lt;/span&gt; different levels</source>
        <translation>&lt;span style=&apos;background:#f6d58c&apos;&gt;&amp;nbsp;ámbar&amp;nbsp;&lt;/span&gt; los evaluadores quedan a ambos lados del nivel aprobatorio &amp;nbsp; &lt;span style=&apos;background:#e8eef8&apos;&gt;&amp;nbsp;azul&amp;nbsp;&lt;/span&gt; niveles distintos</translation>
    </message>
    <message>
        <source>Comments of the reviews</source>
        <translation>Comentarios de las revisiones</translation>
    </message>
    <message>
        <source>Moment</source>
        <translation>Momento</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Double-click a comment to see the evidence at it</source>
        <translation>Haga doble clic en un comentario para ver la evidencia en ese punto</translation>
    </message>
    <message>
        <source>Reconciled</source>
        <translation>Conciliado</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>sin calificar</translation>
    </message>
    <message>
        <source>expert</source>
        <translation>experto</translation>
    </message>
    <message>
        <source>peer</source>
        <translation>par</translation>
    </message>
    <message>
        <source>called in</source>
        <translation>convocado</translation>
    </message>
    <message>
        <source>review not in yet</source>
        <translation>revisión todavía no recibida</translation>
    </message>
    <message>
        <source>earned</source>
        <translation>obtenida</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>no comment</source>
        <translation>sin comentarios</translation>
    </message>
    <message>
        <source>1 comment</source>
        <translation>1 comentario</translation>
    </message>
    <message>
        <source>%1 comments</source>
        <translation>%1 comentarios</translation>
    </message>
    <message>
        <source>%1 — says %2</source>
        <translation>%1 — dice %2</translation>
    </message>
    <message>
        <source>against the rule: %1</source>
        <translation>en contra de la regla: %1</translation>
    </message>
</context>
<context>
    <name>StackCard</name>
    <message>
        <source>%1 of %2 earned</source>
        <translation>%1 de %2 obtenidas</translation>
    </message>
    <message>
        <source>stack complete</source>
        <translation>serie completa</translation>
    </message>
    <message>
        <source>stack badge received</source>
        <translation>insignia de la serie recibida</translation>
    </message>
    <message>
        <source>Progress in %1</source>
        <translation>Progreso en %1</translation>
    </message>
    <message>
        <source>a draft in progress</source>
        <translation>un borrador en curso</translation>
    </message>
    <message>
        <source>submitted, in review</source>
        <translation>entregada, en revisión</translation>
    </message>
    <message>
        <source>“not yet”: resubmit</source>
        <translation>«todavía no»: vuelva a presentarla</translation>
    </message>
    <message>
        <source>This stack has no micro-credentials in your catalog yet.</source>
        <translation>Esta serie todavía no tiene microcredenciales en su catálogo.</translation>
    </message>
</context>
<context>
    <name>StacksView</name>
    <message>
        <source>No stacks in your catalog yet. Stacks group micro-credentials; when you earn every member of one, the issuer can award the whole stack.</source>
        <translation>Todavía no hay series en su catálogo. Las series agrupan microcredenciales; cuando obtiene todas las de una, el emisor puede otorgar la serie completa.</translation>
    </message>
</context>
<context>
    <name>StudyView</name>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>saved page</source>
        <translation>página guardada</translation>
    </message>
    <message>
        <source>picture</source>
        <translation>imagen</translation>
    </message>
    <message>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message>
        <source>available offline</source>
        <translation>disponible sin conexión</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>downloading, %1 % here</source>
        <translation>descargando, %1 % aquí</translation>
    </message>
    <message>
        <source>Go on now</source>
        <translation>Seguir ahora</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>rechazado: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Volver a intentar</translation>
    </message>
    <message>
        <source>online only</source>
        <translation>solo en línea</translation>
    </message>
    <message>
        <source>Make available offline</source>
        <translation>Tener sin conexión</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>Licencia: %1</translation>
    </message>
    <message>
        <source>Make the whole stack available offline</source>
        <translation>Tener toda la serie sin conexión</translation>
    </message>
    <message>
        <source>Examples of work scored by assessors: the level each reached on its criterion and why. Answers are anonymised.</source>
        <translation>Ejemplos de trabajo calificados por evaluadores: el nivel que alcanzó cada uno en su criterio y por qué. Las respuestas son anónimas.</translation>
    </message>
    <message>
        <source>meets the bar</source>
        <translation>alcanza el nivel aprobatorio</translation>
    </message>
    <message>
        <source>not yet at the bar</source>
        <translation>todavía no alcanza el nivel aprobatorio</translation>
    </message>
    <message>
        <source>Reached: %1</source>
        <translation>Nivel alcanzado: %1</translation>
    </message>
    <message>
        <source>Assessor&apos;s reasons: %1</source>
        <translation>Razones del evaluador: %1</translation>
    </message>
</context>
<context>
    <name>StudyViewer</name>
    <message>
        <source>the page is larger than 20 MB; open it with a web browser</source>
        <translation>la página pesa más de 20 MB; ábrala con un navegador web</translation>
    </message>
    <message>
        <source>Study material</source>
        <translation>Material de estudio</translation>
    </message>
    <message>
        <source>Saved page</source>
        <translation>Página guardada</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>Licencia: %1</translation>
    </message>
    <message>
        <source>Opening the page…</source>
        <translation>Abriendo la página…</translation>
    </message>
    <message>
        <source>Opening a saved page</source>
        <translation>Abriendo una página guardada</translation>
    </message>
    <message>
        <source>This page cannot be shown: %1</source>
        <translation>No se puede mostrar esta página: %1</translation>
    </message>
    <message>
        <source>Opening the picture…</source>
        <translation>Abriendo la imagen…</translation>
    </message>
    <message>
        <source>mcdesk has no viewer for this kind of file (%1).</source>
        <translation>mcdesk no tiene visor para este tipo de archivo (%1).</translation>
    </message>
    <message>
        <source>This page is shown without its scripts and without anything it would fetch from the internet (%1 removed).</source>
        <translation>Esta página se muestra sin sus scripts y sin nada que traería de internet (%1 eliminados).</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Servers</source>
        <translation>Servidores</translation>
    </message>
    <message>
        <source>Add a server…</source>
        <translation>Añadir un servidor…</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Iniciar sesión de nuevo…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>No server yet.

mcdesk sends your submissions to the server of the program that issues your micro-credentials, and brings back your results and badges. Your program coordinator gives you its address and a token: press Add a server…</source>
        <translation>Todavía no hay ningún servidor.

mcdesk envía sus entregas al servidor del programa que emite sus microcredenciales y trae de vuelta sus resultados e insignias. El coordinador de su programa le da su dirección y un token: pulse Añadir un servidor…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Issuing servers&lt;/b&gt;</source>
        <translation>&lt;b&gt;Servidores emisores&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>Sincronizar ahora (F5)</translation>
    </message>
    <message>
        <source>Pause sending</source>
        <translation>Pausar el envío</translation>
    </message>
    <message>
        <source>On a metered network, hold uploads over %1 MB</source>
        <translation>Con datos medidos, retener subidas de más de %1 MB</translation>
    </message>
    <message>
        <source>On a phone hotspot or another network that counts data, big videos wait for the school&apos;s or home network; small things still go.</source>
        <translation>En un punto de acceso del teléfono u otra red que cuenta los datos, los videos grandes esperan a la red de la escuela o de casa; las cosas pequeñas se envían igual.</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Storage budget for study files</source>
        <translation>Límite de almacenamiento para archivos de estudio</translation>
    </message>
    <message>
        <source>Study files (resources, examples of work) may use up to</source>
        <translation>Los archivos de estudio (recursos, ejemplos de trabajo) pueden usar hasta</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <source>Nothing to send yet. When a draft is ready, press Send in Drafts: it waits here and goes out whenever a connection exists, even in pieces over several days.</source>
        <translation>Todavía no hay nada que enviar. Cuando un borrador esté listo, pulse Enviar en Borradores: espera aquí y sale cuando haya conexión, aunque sea por partes durante varios días.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>last sync: %1</source>
        <translation>última sincronización: %1</translation>
    </message>
    <message>
        <source>⚠ needs you to sign in again</source>
        <translation>⚠ necesita que inicie sesión de nuevo</translation>
    </message>
    <message>
        <source> · %1/s · %2 left</source>
        <translation> · %1/s · faltan %2</translation>
    </message>
    <message>
        <source>Trying again at %1.</source>
        <translation>Se vuelve a intentar a las %1.</translation>
    </message>
    <message>
        <source>%1, attempt %2</source>
        <translation>%1, intento %2</translation>
    </message>
    <message>
        <source>review, waiting to send</source>
        <translation>revisión, esperando el envío</translation>
    </message>
    <message>
        <source>review: changed on the server</source>
        <translation>revisión: cambió en el servidor</translation>
    </message>
    <message>
        <source>Review of %1, attempt %2</source>
        <translation>Revisión de %1, intento %2</translation>
    </message>
    <message>
        <source>Open it in Reviews to choose what to do.</source>
        <translation>Ábrala en Revisiones para elegir qué hacer.</translation>
    </message>
    <message>
        <source>Offline: no server yet</source>
        <translation>Sin conexión: aún sin servidor</translation>
    </message>
    <message>
        <source>Sending: %1 %</source>
        <translation>Enviando: %1 %</translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) you: see Sync</source>
        <translation>
            <numerusform>%n necesita su atención: vea Sincronizar</numerusform>
            <numerusform>%n necesitan su atención: vea Sincronizar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reviews: %n new submission(s) to review</source>
        <translation>
            <numerusform>Revisiones: %n entrega nueva por revisar</numerusform>
            <numerusform>Revisiones: %n entregas nuevas por revisar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) sent.</source>
        <translation>
            <numerusform>%n revisión enviada.</numerusform>
            <numerusform>%n revisiones enviadas.</numerusform>
        </translation>
    </message>
    <message>
        <source> (paused)</source>
        <translation> (en pausa)</translation>
    </message>
    <message>
        <source>Queued: %1</source>
        <translation>En cola: %1</translation>
    </message>
    <message>
        <source>All sent</source>
        <translation>Todo enviado</translation>
    </message>
    <message>
        <source>Add the server your program uses first (Add a server…).</source>
        <translation>Añada primero el servidor que usa su programa (Añadir un servidor…).</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) sent</source>
        <translation>
            <numerusform>%n decisión enviada</numerusform>
            <numerusform>%n decisiones enviadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n calibration item(s) added</source>
        <translation>
            <numerusform>%n entrega de calibración añadida</numerusform>
            <numerusform>%n entregas de calibración añadidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n calibration item(s) taken out</source>
        <translation>
            <numerusform>%n entrega de calibración quitada</numerusform>
            <numerusform>%n entregas de calibración quitadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Issuer staff: %1.</source>
        <translation>Personal del emisor: %1.</translation>
    </message>
    <message>
        <source>Sync finished: everything that could go went.</source>
        <translation>Sincronización terminada: se envió todo lo que se podía enviar.</translation>
    </message>
    <message>
        <source>The server needs you to sign in again: Sync › Sign in again…</source>
        <translation>El servidor necesita que inicie sesión de nuevo: Sincronizar › Iniciar sesión de nuevo…</translation>
    </message>
    <message>
        <source>Study files refused: %1</source>
        <translation>Archivos de estudio rechazados: %1</translation>
    </message>
    <message>
        <source>(%1 used)</source>
        <translation>(%1 en uso)</translation>
    </message>
    <message>
        <source>Sync paused; it goes on from where it stopped next time.</source>
        <translation>Sincronización en pausa; la próxima vez sigue donde se detuvo.</translation>
    </message>
    <message>
        <source>in a file only you can read</source>
        <translation>en un archivo que solo usted puede leer</translation>
    </message>
    <message>
        <source>in your keyring</source>
        <translation>en su llavero</translation>
    </message>
    <message>
        <source>Saved “%1”. Its token is %2.</source>
        <translation>Se guardó «%1». Su token está %2.</translation>
    </message>
    <message>
        <source>Send over plain http?</source>
        <translation>¿Enviar por http sin cifrar?</translation>
    </message>
    <message>
        <source>Keep the token in a file?</source>
        <translation>¿Guardar el token en un archivo?</translation>
    </message>
    <message>
        <source>This token belongs to an account that works as “%1” on “%2”: mcdesk now works that way too (change it under Working as).</source>
        <translation>Este token pertenece a una cuenta que trabaja como «%1» en «%2»: mcdesk ahora trabaja así también (puede cambiarlo en Trabajando como).</translation>
    </message>
    <message>
        <source>The draft is in the outbox; it goes out now, or whenever a connection exists.</source>
        <translation>El borrador está en la bandeja de salida; sale ahora o cuando haya conexión.</translation>
    </message>
</context>
<context>
    <name>TextCard</name>
    <message>
        <source>Answer: %1</source>
        <translation>Respuesta: %1</translation>
    </message>
    <message>
        <source>Earlier versions…</source>
        <translation>Versiones anteriores…</translation>
    </message>
</context>
<context>
    <name>TextPreview</name>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
</context>
<context>
    <name>TranscriptDialog</name>
    <message>
        <source>Transcript of in-service hours</source>
        <translation>Constancia de horas de formación en servicio</translation>
    </message>
    <message>
        <source>Spreadsheet (CSV)</source>
        <translation>Hoja de cálculo (CSV)</translation>
    </message>
    <message>
        <source>Document to print or send (PDF)</source>
        <translation>Documento para imprimir o enviar (PDF)</translation>
    </message>
    <message>
        <source>Hours are counted under %1.</source>
        <translation>Las horas se cuentan según %1.</translation>
    </message>
    <message>
        <source>No recognition rule is set, so the transcript counts no hours. Set one with Recognition rules…</source>
        <translation>No hay ninguna regla de reconocimiento, así que la constancia no cuenta horas. Defina una con Reglas de reconocimiento…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>As</source>
        <translation>Como</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>El período termina antes de empezar.</translation>
    </message>
</context>
<context>
    <name>TrimDialog</name>
    <message>
        <source>Trim video</source>
        <translation>Recortar el video</translation>
    </message>
    <message>
        <source>Keep only the part of “%1” you need. mcdesk makes a new, shorter copy; your original stays untouched.</source>
        <translation>Conserve solo la parte de «%1» que necesita. mcdesk hace una copia nueva y más corta; su original queda intacto.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>hours:minutes:seconds</source>
        <translation>horas:minutos:segundos</translation>
    </message>
    <message>
        <source>minutes:seconds</source>
        <translation>minutos:segundos</translation>
    </message>
    <message>
        <source>From the beginning</source>
        <translation>Desde el principio</translation>
    </message>
    <message>
        <source>To the end</source>
        <translation>Hasta el final</translation>
    </message>
    <message>
        <source>&amp;Start at:</source>
        <translation>&amp;Empezar en:</translation>
    </message>
    <message>
        <source>&amp;End at:</source>
        <translation>&amp;Terminar en:</translation>
    </message>
    <message>
        <source>Make trimmed copy</source>
        <translation>Hacer copia recortada</translation>
    </message>
    <message>
        <source>mcdesk does not know how long this video is, so it cannot trim it. Check the portfolio, or add the video again.</source>
        <translation>mcdesk no sabe cuánto dura este video, así que no puede recortarlo. Revise el portafolio o añada el video otra vez.</translation>
    </message>
    <message>
        <source>The end must be at least one second after the start.</source>
        <translation>El final debe estar al menos un segundo después del inicio.</translation>
    </message>
    <message>
        <source>The whole video is chosen (%1): move the start or the end to cut something off.</source>
        <translation>Está elegido todo el video (%1): mueva el inicio o el final para cortar algo.</translation>
    </message>
    <message>
        <source>The new video will be %1 long (the original is %2).</source>
        <translation>El video nuevo durará %1 (el original dura %2).</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify a credential</source>
        <translation>Verificar una credencial</translation>
    </message>
    <message>
        <source>Drop badge files or folders here: .json, .jwt, or badge pictures (.png, .svg) with the credential inside.
Each is checked offline: its signature, its issuer&apos;s key and its dates. Nothing is added to your portfolio.</source>
        <translation>Suelte aquí archivos o carpetas de insignias: .json, .jwt, o imágenes de insignias (.png, .svg) con la credencial dentro.
Cada una se comprueba sin conexión: su firma, la clave de su emisor y sus fechas. No se añade nada a su portafolio.</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>Elegir archivos…</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Elegir una carpeta…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>Microcredencial</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Credentials to verify</source>
        <translation>Credenciales que verificar</translation>
    </message>
    <message>
        <source>Badges and credentials (*.json *.jsonld *.jwt *.jws *.png *.svg);;All files (*)</source>
        <translation>Insignias y credenciales (*.json *.jsonld *.jwt *.jws *.png *.svg);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>A folder of credentials</source>
        <translation>Una carpeta de credenciales</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Revisando…</translation>
    </message>
    <message>
        <source>The files could not be checked: %1</source>
        <translation>No se pudieron comprobar los archivos: %1</translation>
    </message>
    <message>
        <source>No credential files were found there.</source>
        <translation>No se encontraron archivos de credenciales allí.</translation>
    </message>
    <message>
        <source>✓ Verified</source>
        <translation>✓ Verificada</translation>
    </message>
    <message>
        <source>? Needs a network check</source>
        <translation>? Necesita una comprobación en línea</translation>
    </message>
    <message>
        <source>✗ Failed</source>
        <translation>✗ No válida</translation>
    </message>
    <message>
        <source>The signature matches its issuer and the dates are valid.</source>
        <translation>La firma coincide con su emisor y las fechas son válidas.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <source>%1 checked: %2 verified, %3 need a network check, %4 failed</source>
        <translation>%1 comprobadas: %2 verificadas, %3 necesitan una comprobación en línea, %4 no válidas</translation>
    </message>
</context>
<context>
    <name>VideoPreview</name>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>Reproducir o pausar (Espacio)</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posición</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Velocidad de reproducción</translation>
    </message>
</context>
<context>
    <name>_CountWords</name>
    <message numerus="yes">
        <source>%n word(s) (%1–%2)</source>
        <translation>
            <numerusform>%n palabra (%1–%2)</numerusform>
            <numerusform>%n palabras (%1–%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) (up to %1)</source>
        <translation>
            <numerusform>%n palabra (hasta %1)</numerusform>
            <numerusform>%n palabras (hasta %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) (at least %1)</source>
        <translation>
            <numerusform>%n palabra (al menos %1)</numerusform>
            <numerusform>%n palabras (al menos %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n palabra</numerusform>
            <numerusform>%n palabras</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Plain</name>
    <message>
        <source>Text of the piece</source>
        <translation>Texto de la evidencia</translation>
    </message>
    <message>
        <source>Comment on the whole piece</source>
        <translation>Comentar toda la evidencia</translation>
    </message>
</context>
<context>
    <name>annotation</name>
    <message>
        <source>Opening a picture</source>
        <translation>Abriendo una imagen</translation>
    </message>
</context>
<context>
    <name>assessors</name>
    <message>
        <source>Reading the assessors</source>
        <translation>Leyendo los evaluadores</translation>
    </message>
    <message>
        <source>Queueing the calibration change</source>
        <translation>Preparando el cambio de calibración</translation>
    </message>
</context>
<context>
    <name>badges</name>
    <message>
        <source>Verified</source>
        <translation>Verificada</translation>
    </message>
    <message>
        <source>Needs a network check</source>
        <translation>Necesita una comprobación en línea</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>No válida</translation>
    </message>
    <message>
        <source>Reading your badges</source>
        <translation>Leyendo sus insignias</translation>
    </message>
    <message>
        <source>Importing credentials</source>
        <translation>Importando credenciales</translation>
    </message>
    <message>
        <source>Verifying the credential again</source>
        <translation>Verificando la credencial de nuevo</translation>
    </message>
    <message>
        <source>Sharing the badge</source>
        <translation>Compartiendo la insignia</translation>
    </message>
    <message>
        <source>Writing the transcript</source>
        <translation>Escribiendo la constancia</translation>
    </message>
    <message>
        <source>Reading recognition rules</source>
        <translation>Leyendo las reglas de reconocimiento</translation>
    </message>
    <message>
        <source>Saving the recognition rule</source>
        <translation>Guardando la regla de reconocimiento</translation>
    </message>
    <message>
        <source>Deleting the recognition rule</source>
        <translation>Borrando la regla de reconocimiento</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <source>Loading the catalog</source>
        <translation>Cargando el catálogo</translation>
    </message>
    <message>
        <source>Searching the catalog</source>
        <translation>Buscando en el catálogo</translation>
    </message>
    <message>
        <source>Opening a micro-credential</source>
        <translation>Abriendo una microcredencial</translation>
    </message>
    <message>
        <source>Importing a file</source>
        <translation>Importando un archivo</translation>
    </message>
    <message>
        <source>Importing %1 files</source>
        <translation>Importando %1 archivos</translation>
    </message>
    <message>
        <source>Finding a study file</source>
        <translation>Buscando un archivo de estudio</translation>
    </message>
    <message>
        <source>Bringing study files down</source>
        <translation>Descargando archivos de estudio</translation>
    </message>
    <message>
        <source>Making a stack available offline</source>
        <translation>Preparando una serie para usarla sin conexión</translation>
    </message>
</context>
<context>
    <name>check</name>
    <message>
        <source>The whole submission</source>
        <translation>Toda la entrega</translation>
    </message>
    <message>
        <source>Criterion “{criterion}”</source>
        <translation>Criterio «{criterion}»</translation>
    </message>
    <message>
        <source>{low}–{high} words</source>
        <translation>de {low} a {high} palabras</translation>
    </message>
    <message>
        <source>at least {n} words</source>
        <translation>al menos {n} palabras</translation>
    </message>
    <message>
        <source>at most {n} words</source>
        <translation>como máximo {n} palabras</translation>
    </message>
    <message>
        <source>a video</source>
        <translation>un video</translation>
    </message>
    <message>
        <source>an audio recording</source>
        <translation>una grabación de audio</translation>
    </message>
    <message>
        <source>a photo</source>
        <translation>una foto</translation>
    </message>
    <message>
        <source>a document</source>
        <translation>un documento</translation>
    </message>
    <message>
        <source>a piece of writing</source>
        <translation>un escrito</translation>
    </message>
    <message>
        <source>a link</source>
        <translation>un enlace</translation>
    </message>
    <message>
        <source>videos</source>
        <translation>videos</translation>
    </message>
    <message>
        <source>audio recordings</source>
        <translation>grabaciones de audio</translation>
    </message>
    <message>
        <source>photos</source>
        <translation>fotos</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>documentos</translation>
    </message>
    <message>
        <source>pieces of writing</source>
        <translation>escritos</translation>
    </message>
    <message>
        <source>links</source>
        <translation>enlaces</translation>
    </message>
    <message>
        <source>{these} or {last}</source>
        <translation>{these} o {last}</translation>
    </message>
    <message>
        <source>any evidence</source>
        <translation>cualquier evidencia</translation>
    </message>
    <message>
        <source>{kinds} only</source>
        <translation>solo {kinds}</translation>
    </message>
    <message>
        <source>{low}–{high}</source>
        <translation>de {low} a {high}</translation>
    </message>
    <message>
        <source>at least {n}</source>
        <translation>al menos {n}</translation>
    </message>
    <message>
        <source>at least {time}</source>
        <translation>al menos {time}</translation>
    </message>
    <message>
        <source>at most {time}</source>
        <translation>como máximo {time}</translation>
    </message>
    <message>
        <source>Make a compressed version (Evidence › Compress) and attach it instead, or trim it (Evidence › Trim).</source>
        <translation>Haga una versión comprimida (Evidencias › Comprimir) y adjúntela en su lugar, o recórtelo (Evidencias › Recortar).</translation>
    </message>
    <message>
        <source>Attach a smaller file instead (for a scan or photo, a lower resolution).</source>
        <translation>Adjunte en su lugar un archivo más pequeño (para un escaneo o una foto, con menos resolución).</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>nombre de archivo</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>Change its title (in Evidence) so it names no one.</source>
        <translation>Cambie su título (en Evidencias) para que no nombre a nadie.</translation>
    </message>
    <message>
        <source>Rename the file on your computer so it names no one, add it again and attach the new copy instead.</source>
        <translation>Cambie el nombre del archivo en su computadora para que no nombre a nadie, añádalo otra vez y adjunte la copia nueva en su lugar.</translation>
    </message>
    <message>
        <source>Edit the writing (Evidence) to say “Student A”, “Student B”… instead.</source>
        <translation>Edite el escrito (Evidencias) para que diga «Estudiante A», «Estudiante B»… en su lugar.</translation>
    </message>
    <message>
        <source>Black out the name (Evidence › Black out areas) and attach the new version instead.</source>
        <translation>Tape el nombre (Evidencias › Tapar áreas) y adjunte la versión nueva en su lugar.</translation>
    </message>
    <message>
        <source>Edit the document to say “Student A”, “Student B”… instead, add the corrected copy and attach it instead.</source>
        <translation>Edite el documento para que diga «Estudiante A», «Estudiante B»… en su lugar, añada la copia corregida y adjúntela.</translation>
    </message>
    <message>
        <source>Write your answer ({wanted}).</source>
        <translation>Escriba su respuesta ({wanted}).</translation>
    </message>
    <message>
        <source>Write your answer.</source>
        <translation>Escriba su respuesta.</translation>
    </message>
    <message>
        <source>No answer yet.</source>
        <translation>Todavía no hay respuesta.</translation>
    </message>
    <message>
        <source>The answer has {words}; this question asks for {wanted}.</source>
        <translation>La respuesta tiene {words}; esta pregunta pide {wanted}.</translation>
    </message>
    <message>
        <source>Your answer names “{name}”, who is on your roster: {context}</source>
        <translation>Su respuesta nombra a «{name}», que está en su lista: {context}</translation>
    </message>
    <message>
        <source>Replace the name with “Student A”, “Student B”… or a role such as “my co-teacher”.</source>
        <translation>Reemplace el nombre por «Estudiante A», «Estudiante B»… o por un rol como «mi codocente».</translation>
    </message>
    <message>
        <source>The caption names “{name}”, who is on your roster: {context}</source>
        <translation>La leyenda nombra a «{name}», que está en su lista: {context}</translation>
    </message>
    <message>
        <source>Change the caption to say “Student A”, “Student B”… or a role.</source>
        <translation>Cambie la leyenda para que diga «Estudiante A», «Estudiante B»… o un rol.</translation>
    </message>
    <message>
        <source>The name “{name}” appears in the {found_in} of “{title}”: {context}</source>
        <translation>El nombre «{name}» aparece en el {found_in} de «{title}»: {context}</translation>
    </message>
    <message>
        <source>“{title}” links to “{url}”, which is not a well-formed web address.</source>
        <translation>«{title}» enlaza a «{url}», que no es una dirección web bien escrita.</translation>
    </message>
    <message>
        <source>Add the link again with the address copied from the browser, and attach it instead.</source>
        <translation>Añada el enlace otra vez con la dirección copiada del navegador y adjúntelo en su lugar.</translation>
    </message>
    <message>
        <source>Your answer has the web address “{url}”, which is not well-formed.</source>
        <translation>Su respuesta tiene la dirección web «{url}», que no está bien escrita.</translation>
    </message>
    <message>
        <source>The caption has the web address “{url}”, which is not well-formed.</source>
        <translation>La leyenda tiene la dirección web «{url}», que no está bien escrita.</translation>
    </message>
    <message>
        <source>Correct the address (copy it from the browser&apos;s address bar).</source>
        <translation>Corrija la dirección (cópiela de la barra de direcciones del navegador).</translation>
    </message>
    <message>
        <source>Nothing is attached yet; this criterion asks for {asked}.</source>
        <translation>Todavía no hay nada adjunto; este criterio pide {asked}.</translation>
    </message>
    <message>
        <source>Attach {asked} from your evidence.</source>
        <translation>Adjunte {asked} de sus evidencias.</translation>
    </message>
    <message>
        <source>Detach {extra} (keep the {strongest}).</source>
        <translation>Quite {extra} (conserve {strongest}).</translation>
    </message>
    <message>
        <source>An attached item is no longer in your evidence.</source>
        <translation>Un elemento adjunto ya no está en sus evidencias.</translation>
    </message>
    <message>
        <source>Detach it and attach what should be there instead.</source>
        <translation>Quítelo y adjunte en su lugar lo que debería estar allí.</translation>
    </message>
    <message>
        <source>“{title}” cannot be sent: {reason}.</source>
        <translation>«{title}» no se puede enviar: {reason}.</translation>
    </message>
    <message>
        <source>Detach it and attach another piece of evidence instead (or a new copy of the same file).</source>
        <translation>Quítela y adjunte otra evidencia en su lugar (o una copia nueva del mismo archivo).</translation>
    </message>
    <message>
        <source>“{title}” is {kind}; this criterion accepts {kinds}.</source>
        <translation>«{title}» es {kind}; este criterio acepta {kinds}.</translation>
    </message>
    <message>
        <source>Detach it and attach {kind} instead.</source>
        <translation>Quítelo y adjunte {kind} en su lugar.</translation>
    </message>
    <message>
        <source>“{title}” is {size}; this criterion accepts files up to {limit}.</source>
        <translation>«{title}» ocupa {size}; este criterio acepta archivos de hasta {limit}.</translation>
    </message>
    <message>
        <source>“{title}” is {size}; {server} accepts files up to {limit}.</source>
        <translation>«{title}» ocupa {size}; {server} acepta archivos de hasta {limit}.</translation>
    </message>
    <message>
        <source>mcdesk could not read how long “{title}” is; this criterion asks for {wanted}.</source>
        <translation>mcdesk no pudo leer cuánto dura «{title}»; este criterio pide {wanted}.</translation>
    </message>
    <message>
        <source>Check its length in a player; if it plays, nothing needs doing.</source>
        <translation>Compruebe su duración en un reproductor; si se reproduce, no hay que hacer nada.</translation>
    </message>
    <message>
        <source>“{title}” is {length} long; this criterion asks for {wanted}.</source>
        <translation>«{title}» dura {length}; este criterio pide {wanted}.</translation>
    </message>
    <message>
        <source>Attach a longer recording (at least {time}).</source>
        <translation>Adjunte una grabación más larga (al menos {time}).</translation>
    </message>
    <message>
        <source>Trim it to at most {time} (Evidence › Trim) and attach the trimmed version instead.</source>
        <translation>Recórtelo a {time} como máximo (Evidencias › Recortar) y adjunte la versión recortada en su lugar.</translation>
    </message>
    <message>
        <source>“{title}” may show students, and consent is not set.</source>
        <translation>«{title}» puede mostrar a estudiantes, y no se ha indicado el consentimiento.</translation>
    </message>
    <message>
        <source>“{title}” may show students, and consent is “not yet”.</source>
        <translation>«{title}» puede mostrar a estudiantes, y el consentimiento está en «todavía no».</translation>
    </message>
    <message>
        <source>Record that everyone on it consented (Evidence › Consent), or blur the faces (Evidence › Blur faces) and attach the blurred version.</source>
        <translation>Indique que todas las personas que aparecen dieron su consentimiento (Evidencias › Consentimiento), o difumine las caras (Evidencias › Difuminar caras) y adjunte la versión difuminada.</translation>
    </message>
    <message>
        <source>Detach it and attach its copy “{copy}” instead, which holds no location.</source>
        <translation>Quítela y adjunte en su lugar su copia «{copy}», que no tiene ubicación.</translation>
    </message>
    <message>
        <source>Make a copy without the location (Evidence › Remove location and details) and attach the copy instead.</source>
        <translation>Haga una copia sin la ubicación (Evidencias › Quitar ubicación y datos) y adjunte la copia en su lugar.</translation>
    </message>
    <message>
        <source>“{title}” still holds the place where it was taken (GPS).</source>
        <translation>«{title}» todavía guarda el lugar donde se tomó (GPS).</translation>
    </message>
    <message>
        <source>“{title}” carries identifying details: {details}.</source>
        <translation>«{title}» lleva datos identificativos: {details}.</translation>
    </message>
    <message>
        <source>If you would rather not share them, make a copy without them (Evidence › Remove location and details) and attach it instead.</source>
        <translation>Si prefiere no compartirlos, haga una copia sin ellos (Evidencias › Quitar ubicación y datos) y adjúntela en su lugar.</translation>
    </message>
    <message>
        <source>“{title}” is a {mime} file, which {server} does not accept (it accepts {accepted}).</source>
        <translation>«{title}» es un archivo {mime}, que {server} no acepta (acepta {accepted}).</translation>
    </message>
    <message>
        <source>Make a compressed version (Evidence › Compress, which writes MP4) and attach it instead.</source>
        <translation>Haga una versión comprimida (Evidencias › Comprimir, que genera MP4) y adjúntela en su lugar.</translation>
    </message>
    <message>
        <source>Save it in an accepted format, add that copy and attach it instead.</source>
        <translation>Guárdelo en un formato aceptado, añada esa copia y adjúntela en su lugar.</translation>
    </message>
    <message>
        <source>This draft holds work for “{criterion}”, which version {version} of {mc} does not ask for; it will not be sent.</source>
        <translation>Este borrador tiene trabajo para «{criterion}», que la versión {version} de {mc} no pide; no se enviará.</translation>
    </message>
    <message>
        <source>Nothing to do, unless it belongs under another criterion: then copy it there.</source>
        <translation>No hay que hacer nada, salvo que corresponda a otro criterio: en ese caso, cópielo allí.</translation>
    </message>
    <message>
        <source>The attached files add up to {total}; {server} accepts up to {limit} in one submission.</source>
        <translation>Los archivos adjuntos suman {total}; {server} acepta hasta {limit} en una entrega.</translation>
    </message>
    <message>
        <source>Compress the videos (Evidence › Compress) and attach the compressed versions, or attach fewer files.</source>
        <translation>Comprima los videos (Evidencias › Comprimir) y adjunte las versiones comprimidas, o adjunte menos archivos.</translation>
    </message>
</context>
<context>
    <name>coaching</name>
    <message>
        <source>Loading drafts to coach</source>
        <translation>Cargando los borradores para acompañar</translation>
    </message>
    <message>
        <source>Opening the draft</source>
        <translation>Abriendo el borrador</translation>
    </message>
    <message>
        <source>Saving the comment</source>
        <translation>Guardando el comentario</translation>
    </message>
    <message>
        <source>Deleting the comment</source>
        <translation>Borrando el comentario</translation>
    </message>
    <message>
        <source>Saving the practice score</source>
        <translation>Guardando la puntuación de práctica</translation>
    </message>
    <message>
        <source>Writing the exchange bundle</source>
        <translation>Escribiendo el paquete de intercambio</translation>
    </message>
    <message>
        <source>Importing the exchange bundle</source>
        <translation>Importando el paquete de intercambio</translation>
    </message>
</context>
<context>
    <name>decide</name>
    <message>
        <source>Reading the submissions waiting</source>
        <translation>Leyendo las entregas en espera</translation>
    </message>
    <message>
        <source>Reading the reviews</source>
        <translation>Leyendo las revisiones</translation>
    </message>
    <message>
        <source>This comment points to no piece of evidence.</source>
        <translation>Este comentario no apunta a ninguna evidencia.</translation>
    </message>
    <message>
        <source>The submission&apos;s files come to this computer with the first sync after every review is in.</source>
        <translation>Los archivos de la entrega llegan a esta computadora con la primera sincronización después de que lleguen todas las revisiones.</translation>
    </message>
    <message>
        <source>The submission&apos;s files are not on this computer yet: sync, then try again.</source>
        <translation>Los archivos de la entrega todavía no están en esta computadora: sincronice y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The piece this comment points to is not in the submission.</source>
        <translation>La evidencia a la que apunta este comentario no está en la entrega.</translation>
    </message>
    <message>
        <source>Opening the evidence</source>
        <translation>Abriendo la evidencia</translation>
    </message>
    <message>
        <source>Queueing the decision</source>
        <translation>Poniendo la decisión en cola</translation>
    </message>
</context>
<context>
    <name>drafts</name>
    <message>
        <source>Reading your coach&apos;s feedback</source>
        <translation>Leyendo la retroalimentación de su mentor</translation>
    </message>
    <message>
        <source>Taking the suggestion</source>
        <translation>Aplicando la sugerencia</translation>
    </message>
    <message>
        <source>Loading drafts</source>
        <translation>Cargando los borradores</translation>
    </message>
    <message>
        <source>Opening a draft</source>
        <translation>Abriendo un borrador</translation>
    </message>
    <message>
        <source>Checking the draft</source>
        <translation>Revisando el borrador</translation>
    </message>
    <message>
        <source>Loading the catalog</source>
        <translation>Cargando el catálogo</translation>
    </message>
    <message>
        <source>Loading earlier versions</source>
        <translation>Cargando versiones anteriores</translation>
    </message>
    <message>
        <source>Reading the assessors&apos; comments</source>
        <translation>Leyendo los comentarios de los evaluadores</translation>
    </message>
    <message>
        <source>Starting a draft</source>
        <translation>Empezando un borrador</translation>
    </message>
    <message>
        <source>Starting the next attempt</source>
        <translation>Empezando el siguiente intento</translation>
    </message>
    <message>
        <source>Restoring a version</source>
        <translation>Restaurando una versión</translation>
    </message>
    <message>
        <source>Saving your answer</source>
        <translation>Guardando su respuesta</translation>
    </message>
    <message>
        <source>Attaching evidence</source>
        <translation>Adjuntando evidencias</translation>
    </message>
    <message>
        <source>Removing evidence</source>
        <translation>Quitando evidencias</translation>
    </message>
    <message>
        <source>Reordering</source>
        <translation>Reordenando</translation>
    </message>
    <message>
        <source>Saving the caption</source>
        <translation>Guardando la leyenda</translation>
    </message>
    <message>
        <source>Saving your self-assessment</source>
        <translation>Guardando su autoevaluación</translation>
    </message>
    <message>
        <source>Building the package</source>
        <translation>Creando el paquete</translation>
    </message>
    <message>
        <source>Opening the package</source>
        <translation>Abriendo el paquete</translation>
    </message>
    <message>
        <source>Importing the review</source>
        <translation>Importando la revisión</translation>
    </message>
</context>
<context>
    <name>evidence</name>
    <message>
        <source>Loading evidence</source>
        <translation>Cargando las evidencias</translation>
    </message>
    <message>
        <source>Reading where evidence is used</source>
        <translation>Buscando dónde se usan las evidencias</translation>
    </message>
    <message>
        <source>Loading a picture</source>
        <translation>Cargando una imagen</translation>
    </message>
    <message>
        <source>Opening a photo</source>
        <translation>Abriendo una foto</translation>
    </message>
    <message>
        <source>Reading a document</source>
        <translation>Leyendo un documento</translation>
    </message>
    <message>
        <source>Checking privacy</source>
        <translation>Revisando la privacidad</translation>
    </message>
    <message>
        <source>Opening the photo</source>
        <translation>Abriendo la foto</translation>
    </message>
    <message>
        <source>Looking for faces in “%1”</source>
        <translation>Buscando caras en «%1»</translation>
    </message>
    <message>
        <source>Showing a frame of “%1”</source>
        <translation>Mostrando un fotograma de «%1»</translation>
    </message>
    <message>
        <source>Renaming</source>
        <translation>Cambiando el nombre</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Guardando</translation>
    </message>
    <message>
        <source>Saving tags</source>
        <translation>Guardando las etiquetas</translation>
    </message>
    <message>
        <source>Saving consent</source>
        <translation>Guardando el consentimiento</translation>
    </message>
    <message>
        <source>Saving who the piece shows</source>
        <translation>Guardando a quién muestra la evidencia</translation>
    </message>
    <message>
        <source>Saving your writing</source>
        <translation>Guardando su escrito</translation>
    </message>
    <message>
        <source>Moving to trash</source>
        <translation>Moviendo a la papelera</translation>
    </message>
    <message>
        <source>Adding evidence</source>
        <translation>Añadiendo evidencias</translation>
    </message>
    <message>
        <source>Getting ready to add evidence</source>
        <translation>Preparando para añadir evidencias</translation>
    </message>
    <message>
        <source>Adding a link</source>
        <translation>Añadiendo un enlace</translation>
    </message>
    <message>
        <source>Starting new writing</source>
        <translation>Empezando un escrito nuevo</translation>
    </message>
    <message>
        <source>Adding a name to the privacy list</source>
        <translation>Añadiendo un nombre a la lista de privacidad</translation>
    </message>
    <message>
        <source>Removing a name from the privacy list</source>
        <translation>Quitando un nombre de la lista de privacidad</translation>
    </message>
</context>
<context>
    <name>exchange</name>
    <message>
        <source>Importing the exchange bundle</source>
        <translation>Importando el paquete de intercambio</translation>
    </message>
    <message>
        <source>Writing the bundle for your coach</source>
        <translation>Escribiendo el paquete para su mentor</translation>
    </message>
    <message>
        <source>Listing drafts</source>
        <translation>Listando los borradores</translation>
    </message>
    <message>
        <source>Import an e&amp;xchange bundle…</source>
        <translation>Importar un paquete de in&amp;tercambio…</translation>
    </message>
    <message>
        <source>Evidence, observation notes or coaching from another portfolio</source>
        <translation>Evidencias, notas de observación o mentoría de otro portafolio</translation>
    </message>
    <message>
        <source>Export for my &amp;coach…</source>
        <translation>Exportar para mi &amp;mentor…</translation>
    </message>
    <message>
        <source>Import an exchange bundle</source>
        <translation>Importar un paquete de intercambio</translation>
    </message>
    <message>
        <source>Imported {file}: {added} evidence added, {already} already here.</source>
        <translation>Se importó {file}: {added} evidencias añadidas, {already} ya estaban aquí.</translation>
    </message>
    <message>
        <source>{count} notes were edited on both sides: both versions are kept for you to choose in Observe.</source>
        <translation>{count} notas se editaron en ambos lados: se conservan las dos versiones para que elija en Observar.</translation>
    </message>
    <message>
        <source>Start a draft first: your coach comments on a draft.</source>
        <translation>Empiece primero un borrador: su mentor comenta un borrador.</translation>
    </message>
    <message>
        <source>{mc}, attempt {attempt}</source>
        <translation>{mc}, intento {attempt}</translation>
    </message>
    <message>
        <source>Export for my coach</source>
        <translation>Exportar para mi mentor</translation>
    </message>
    <message>
        <source>Which draft should your coach see?</source>
        <translation>¿Qué borrador debe ver su mentor?</translation>
    </message>
    <message>
        <source>Wrote {file} with the draft and {count} pieces of evidence: give it to your coach.</source>
        <translation>Se escribió {file} con el borrador y {count} evidencias: entrégueselo a su mentor.</translation>
    </message>
</context>
<context>
    <name>mc</name>
    <message>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message>
        <source>audio recording</source>
        <translation>grabación de audio</translation>
    </message>
    <message>
        <source>photo or image</source>
        <translation>foto o imagen</translation>
    </message>
    <message>
        <source>document</source>
        <translation>documento</translation>
    </message>
    <message>
        <source>written text</source>
        <translation>texto escrito</translation>
    </message>
    <message>
        <source>link</source>
        <translation>enlace</translation>
    </message>
    <message>
        <source>%n min</source>
        <translation>%n min</translation>
    </message>
    <message>
        <source>%n s</source>
        <translation>%n s</translation>
    </message>
    <message>
        <source>written answer, %1–%2 words</source>
        <translation>respuesta escrita, de %1 a %2 palabras</translation>
    </message>
    <message>
        <source>written answer, up to %1 words</source>
        <translation>respuesta escrita, hasta %1 palabras</translation>
    </message>
    <message>
        <source>written answer, at least %1 words</source>
        <translation>respuesta escrita, al menos %1 palabras</translation>
    </message>
    <message>
        <source>written answer</source>
        <translation>respuesta escrita</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>evidencia</translation>
    </message>
    <message>
        <source>at least %1 × </source>
        <translation>al menos %1 × </translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation>hasta %1</translation>
    </message>
    <message>
        <source>files up to %1</source>
        <translation>archivos de hasta %1</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>versión %1</translation>
    </message>
    <message>
        <source>%1 in-service hours</source>
        <translation>%1 horas de formación en servicio</translation>
    </message>
    <message>
        <source>This is an older version, kept for drafts that use it.</source>
        <translation>Esta es una versión anterior, que se conserva para los borradores que la usan.</translation>
    </message>
    <message>
        <source>The issuer has not published these parts yet: %1. You can read the criteria and rubric below, but not start a draft for it.</source>
        <translation>El emisor todavía no ha publicado estas partes: %1. Puede leer los criterios y la rúbrica de abajo, pero no empezar un borrador para ella.</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Falta</translation>
    </message>
    <message>
        <source>Competency</source>
        <translation>Competencia</translation>
    </message>
    <message>
        <source>Key method</source>
        <translation>Método clave</translation>
    </message>
    <message>
        <source>Method components</source>
        <translation>Componentes del método</translation>
    </message>
    <message>
        <source>Research and resources</source>
        <translation>Investigación y recursos</translation>
    </message>
    <message>
        <source>Submission criteria</source>
        <translation>Criterios de entrega</translation>
    </message>
    <message>
        <source>Examples of work</source>
        <translation>Ejemplos de trabajo</translation>
    </message>
    <message>
        <source>Scoring rubric</source>
        <translation>Rúbrica de calificación</translation>
    </message>
    <message>
        <source>How to earn it</source>
        <translation>Cómo obtenerla</translation>
    </message>
    <message>
        <source>Part of the stack “%1”, %2 of %3</source>
        <translation>Parte de la serie «%1», %2 de %3</translation>
    </message>
    <message>
        <source>judged by “%1”</source>
        <translation>evaluada según «%1»</translation>
    </message>
    <message>
        <source>Levels run from lowest to highest. The passing level of each criterion is marked ✓; a submission is earned when every criterion reaches its passing level, otherwise it is “not yet”.</source>
        <translation>Los niveles van del más bajo al más alto. El nivel aprobatorio de cada criterio está marcado con ✓; una entrega se obtiene cuando cada criterio alcanza su nivel aprobatorio; si no, es «todavía no».</translation>
    </message>
    <message>
        <source>passing</source>
        <translation>aprobatorio</translation>
    </message>
</context>
<context>
    <name>observe</name>
    <message>
        <source>Loading observations</source>
        <translation>Cargando las observaciones</translation>
    </message>
    <message>
        <source>Loading the observation</source>
        <translation>Cargando la observación</translation>
    </message>
    <message>
        <source>Finding videos</source>
        <translation>Buscando videos</translation>
    </message>
    <message>
        <source>Starting the observation</source>
        <translation>Empezando la observación</translation>
    </message>
    <message>
        <source>Saving the note</source>
        <translation>Guardando la nota</translation>
    </message>
    <message>
        <source>Saving the look-for</source>
        <translation>Guardando el indicador</translation>
    </message>
    <message>
        <source>Tagging the note</source>
        <translation>Etiquetando la nota</translation>
    </message>
    <message>
        <source>Keeping this version</source>
        <translation>Conservando esta versión</translation>
    </message>
    <message>
        <source>Adding the lesson video</source>
        <translation>Añadiendo el video de la clase</translation>
    </message>
    <message>
        <source>Lining the notes up with the video</source>
        <translation>Alineando las notas con el video</translation>
    </message>
    <message>
        <source>Making the clips</source>
        <translation>Haciendo los fragmentos</translation>
    </message>
    <message>
        <source>Opening the video</source>
        <translation>Abriendo el video</translation>
    </message>
    <message>
        <source>Writing the bundle for the teacher</source>
        <translation>Escribiendo el paquete para el docente</translation>
    </message>
    <message>
        <source>Saving what you are typing</source>
        <translation>Guardando lo que escribe</translation>
    </message>
</context>
<context>
    <name>places</name>
    <message>
        <source>Catalog</source>
        <translation>Catálogo</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Borradores</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Revisiones</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>Decidir</translation>
    </message>
    <message>
        <source>Assessors</source>
        <translation>Evaluadores</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Insignias</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronizar</translation>
    </message>
    <message>
        <source>Observe</source>
        <translation>Observar</translation>
    </message>
    <message>
        <source>Coaching</source>
        <translation>Mentoría</translation>
    </message>
</context>
<context>
    <name>plan</name>
    <message>
        <source>Reading your plan</source>
        <translation>Leyendo su plan</translation>
    </message>
    <message>
        <source>Reading the catalog</source>
        <translation>Leyendo el catálogo</translation>
    </message>
    <message>
        <source>Opening a micro-credential</source>
        <translation>Abriendo una microcredencial</translation>
    </message>
    <message>
        <source>Adding to your plan</source>
        <translation>Agregando a su plan</translation>
    </message>
    <message>
        <source>Taking it out of your plan</source>
        <translation>Quitándola de su plan</translation>
    </message>
    <message>
        <source>Setting your stack goal</source>
        <translation>Fijando su meta de serie</translation>
    </message>
    <message>
        <source>Clearing your stack goal</source>
        <translation>Quitando su meta de serie</translation>
    </message>
    <message>
        <source>Saving when to remind you</source>
        <translation>Guardando cuándo recordárselo</translation>
    </message>
    <message>
        <source>Studying</source>
        <translation>Estudiando</translation>
    </message>
    <message>
        <source>Drafting</source>
        <translation>En borrador</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>En revisión</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>Obtenida</translation>
    </message>
    <message>
        <source>“Not yet”</source>
        <translation>«Todavía no»</translation>
    </message>
    <message>
        <source>In your plan, no draft yet: read what it asks for and study the research and resources, then start a draft.</source>
        <translation>En su plan, todavía sin borrador: lea lo que pide y estudie la investigación y recursos; luego empiece un borrador.</translation>
    </message>
    <message>
        <source>A draft is under way; Ready to send? in Drafts says what is missing.</source>
        <translation>Hay un borrador en curso; ¿Listo para enviar? en Borradores dice qué falta.</translation>
    </message>
    <message>
        <source>Sent: the issuer has it (or it goes with the next sync) and has not given it to assessors yet.</source>
        <translation>Enviada: el emisor la tiene (o se va con la próxima sincronización) y todavía no la ha pasado a los evaluadores.</translation>
    </message>
    <message>
        <source>Assessors are reviewing it.</source>
        <translation>Los evaluadores la están revisando.</translation>
    </message>
    <message>
        <source>Earned. Well done.</source>
        <translation>Obtenida. ¡Bien hecho!</translation>
    </message>
    <message>
        <source>“Not yet”: read the assessors&apos; feedback and resubmit.</source>
        <translation>«Todavía no»: lea la retroalimentación de los evaluadores y vuelva a presentarla.</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>vence hoy</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>“%1” is %2 (%3): it came back “not yet”, resubmit it.</source>
        <translation>«%1» está %2 (%3): volvió con «todavía no»; vuelva a presentarla.</translation>
    </message>
    <message>
        <source>“%1” is %2 (%3) and not sent yet.</source>
        <translation>«%1»: %2 (%3) y todavía no se ha enviado.</translation>
    </message>
    <message>
        <source>Your plan: %1</source>
        <translation>Su plan: %1</translation>
    </message>
    <message>
        <source>Your plan: %1, not sent yet: %2. See Plan.</source>
        <translation>Su plan: %1, todavía sin enviar: %2. Vea Plan.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
</context>
<context>
    <name>provenance</name>
    <message>
        <source>teacher</source>
        <translation>docente</translation>
    </message>
    <message>
        <source>coach</source>
        <translation>mentor</translation>
    </message>
    <message>
        <source>assessor</source>
        <translation>evaluador</translation>
    </message>
    <message>
        <source>issuer staff</source>
        <translation>personal del emisor</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>alguien</translation>
    </message>
    <message>
        <source>Written by {who} ({role}), {day}</source>
        <translation>Escrito por {who} ({role}), {day}</translation>
    </message>
    <message>
        <source>Captured by {who} ({role}), {day}</source>
        <translation>Grabado por {who} ({role}), {day}</translation>
    </message>
    <message>
        <source>, on {portfolio}</source>
        <translation>, en {portfolio}</translation>
    </message>
</context>
<context>
    <name>reviews</name>
    <message>
        <source>Loading reviews</source>
        <translation>Cargando las revisiones</translation>
    </message>
    <message>
        <source>Opening a review</source>
        <translation>Abriendo una revisión</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Abriendo %1</translation>
    </message>
    <message>
        <source>Making a sample submission</source>
        <translation>Haciendo una entrega de ejemplo</translation>
    </message>
    <message>
        <source>Exporting the review</source>
        <translation>Exportando la revisión</translation>
    </message>
    <message>
        <source>Saving a score</source>
        <translation>Guardando una calificación</translation>
    </message>
    <message>
        <source>Saving feedback</source>
        <translation>Guardando la retroalimentación</translation>
    </message>
    <message>
        <source>Saving the decision</source>
        <translation>Guardando la decisión</translation>
    </message>
    <message>
        <source>Saving a comment</source>
        <translation>Guardando un comentario</translation>
    </message>
    <message>
        <source>Deleting a comment</source>
        <translation>Borrando un comentario</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Guardando</translation>
    </message>
    <message>
        <source>Finishing the review</source>
        <translation>Terminando la revisión</translation>
    </message>
    <message>
        <source>Reopening the review</source>
        <translation>Reabriendo la revisión</translation>
    </message>
    <message>
        <source>Queueing the review</source>
        <translation>Poniendo la revisión en cola</translation>
    </message>
    <message>
        <source>Saving time spent</source>
        <translation>Guardando el tiempo dedicado</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Evaluador</translation>
    </message>
    <message>
        <source>Issuer staff</source>
        <translation>Personal del emisor</translation>
    </message>
</context>
<context>
    <name>shell</name>
    <message>
        <source>Opening the portfolio</source>
        <translation>Abriendo el portafolio</translation>
    </message>
    <message>
        <source>Preparing sample evidence</source>
        <translation>Preparando evidencias de ejemplo</translation>
    </message>
    <message>
        <source>Drawing sample evidence</source>
        <translation>Creando evidencias de ejemplo</translation>
    </message>
    <message>
        <source>Keeping the demo&apos;s study files</source>
        <translation>Guardando los archivos de estudio de la demostración</translation>
    </message>
    <message>
        <source>Drawing the demo&apos;s study files</source>
        <translation>Creando los archivos de estudio de la demostración</translation>
    </message>
    <message>
        <source>Backing up the portfolio</source>
        <translation>Haciendo copia de seguridad del portafolio</translation>
    </message>
    <message>
        <source>Redrawing the pictures of documents</source>
        <translation>Volviendo a dibujar las imágenes de los documentos</translation>
    </message>
    <message>
        <source>Looking for a backup</source>
        <translation>Buscando una copia de seguridad</translation>
    </message>
    <message>
        <source>Restoring the backup</source>
        <translation>Restaurando la copia de seguridad</translation>
    </message>
    <message>
        <source>Repairing the portfolio</source>
        <translation>Reparando el portafolio</translation>
    </message>
    <message>
        <source>Checking the portfolio</source>
        <translation>Revisando el portafolio</translation>
    </message>
    <message>
        <source>Reading your role</source>
        <translation>Leyendo su rol</translation>
    </message>
    <message>
        <source>Reading your plan</source>
        <translation>Leyendo su plan</translation>
    </message>
    <message>
        <source>Switching role</source>
        <translation>Cambiando de rol</translation>
    </message>
    <message>
        <source>Reading your name</source>
        <translation>Leyendo su nombre</translation>
    </message>
    <message>
        <source>Saving your name</source>
        <translation>Guardando su nombre</translation>
    </message>
    <message>
        <source>Verifying credentials</source>
        <translation>Verificando credenciales</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>Reading the outbox</source>
        <translation>Leyendo la bandeja de salida</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Sincronizando</translation>
    </message>
    <message>
        <source>Saving the server</source>
        <translation>Guardando el servidor</translation>
    </message>
    <message>
        <source>Asking whose token this is</source>
        <translation>Preguntando de quién es este token</translation>
    </message>
    <message>
        <source>Removing the server</source>
        <translation>Quitando el servidor</translation>
    </message>
    <message>
        <source>Putting the draft in the outbox</source>
        <translation>Poniendo el borrador en la bandeja de salida</translation>
    </message>
    <message>
        <source>Bringing study files down</source>
        <translation>Descargando archivos de estudio</translation>
    </message>
    <message>
        <source>Reading the storage budget</source>
        <translation>Leyendo el límite de almacenamiento</translation>
    </message>
    <message>
        <source>Saving the storage budget</source>
        <translation>Guardando el límite de almacenamiento</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Escrito</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>not marked yet</source>
        <translation>todavía sin marcar</translation>
    </message>
    <message>
        <source>everyone consented</source>
        <translation>todos dieron su consentimiento</translation>
    </message>
    <message>
        <source>not yet given</source>
        <translation>todavía no dado</translation>
    </message>
    <message>
        <source>faces blurred</source>
        <translation>caras difuminadas</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>package built</source>
        <translation>paquete creado</translation>
    </message>
    <message>
        <source>sent, waiting for assessors</source>
        <translation>enviado, esperando a los evaluadores</translation>
    </message>
    <message>
        <source>earned</source>
        <translation>obtenida</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>uploading</source>
        <translation>subiendo</translation>
    </message>
    <message>
        <source>finishing the upload</source>
        <translation>terminando la subida</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>entregada</translation>
    </message>
    <message>
        <source>received</source>
        <translation>recibida</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>en revisión</translation>
    </message>
    <message>
        <source>waiting to retry</source>
        <translation>esperando para reintentar</translation>
    </message>
    <message>
        <source>sign-in needed</source>
        <translation>hay que iniciar sesión</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <source>changed on the server</source>
        <translation>cambió en el servidor</translation>
    </message>
    <message>
        <source>location and details removed</source>
        <translation>sin ubicación ni datos</translation>
    </message>
    <message>
        <source>trimmed %1–%2</source>
        <translation>recortado %1–%2</translation>
    </message>
    <message>
        <source>compressed (%1p, %2 kb/s)</source>
        <translation>comprimido (%1p, %2 kb/s)</translation>
    </message>
    <message>
        <source>compressed (%1 kb/s)</source>
        <translation>comprimido (%1 kb/s)</translation>
    </message>
</context>
<context>
    <name>zoom</name>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Alejar (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=)</source>
        <translation>Acercar (Ctrl+=)</translation>
    </message>
</context>
</TS>
