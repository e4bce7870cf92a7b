<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutScreen</name>
    <message>
        <source>About this app</source>
        <translation>Sobre esta aplicación</translation>
    </message>
    <message>
        <source>This app gives general information about microneedling for acne scars. It does not replace your clinic. Always follow the instructions your clinic gives you.</source>
        <translation>Esta aplicación da información general sobre el microneedling para las cicatrices de acné. No reemplaza a su clínica. Siga siempre las indicaciones que le da su clínica.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Where your data is kept</source>
        <translation>Dónde se guardan sus datos</translation>
    </message>
    <message>
        <source>Nothing is saved on this display. What you enter here is forgotten.</source>
        <translation>En esta pantalla no se guarda nada. Lo que usted escriba aquí se olvida.</translation>
    </message>
    <message>
        <source>Your data stays on this computer, in this folder: {folder}. Nothing is sent over the internet.</source>
        <translation>Sus datos se quedan en esta computadora, en esta carpeta: {folder}. No se envía nada por internet.</translation>
    </message>
    <message>
        <source>A log of what the app did, without anything you typed, is kept in {file}.</source>
        <translation>Un registro de lo que hizo la aplicación, sin nada de lo que usted escribió, se guarda en {file}.</translation>
    </message>
</context>
<context>
    <name>Aftercare</name>
    <message>
        <source>Aftercare finished on {date}.</source>
        <translation>Los cuidados terminaron el {date}.</translation>
    </message>
    <message>
        <source>Keep using sunscreen every day.</source>
        <translation>Siga usando protector solar todos los días.</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>The app is already open</source>
        <translation>La aplicación ya está abierta</translation>
    </message>
    <message>
        <source>Another copy of the app is already open with your data, but it is not answering. Switch to its window. If you cannot find it, wait a minute and start the app again, or restart the computer.</source>
        <translation>Otra copia de la aplicación ya está abierta con sus datos, pero no responde. Vaya a su ventana. Si no la encuentra, espere un minuto y abra la aplicación otra vez, o reinicie la computadora.</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>El disco está lleno</translation>
    </message>
    <message>
        <source>The disk that holds your data ({folder}) is full, so the app cannot start. Free some space, then start the app again. Nothing was changed.</source>
        <translation>El disco donde están sus datos ({folder}) está lleno, así que la aplicación no puede abrirse. Libere espacio y abra la aplicación otra vez. No se cambió nada.</translation>
    </message>
    <message>
        <source>The data folder is read-only</source>
        <translation>La carpeta de datos es de solo lectura</translation>
    </message>
    <message>
        <source>The app cannot write in its data folder ({folder}), so it cannot start: the folder or its disk is read-only, or you may not write there. Make it writable, or choose another folder with --data-dir, then start the app again. Nothing was changed.</source>
        <translation>La aplicación no puede escribir en su carpeta de datos ({folder}), así que no puede abrirse: la carpeta o su disco es de solo lectura, o usted no tiene permiso para escribir ahí. Permita escribir en ella, o elija otra carpeta con --data-dir, y abra la aplicación otra vez. No se cambió nada.</translation>
    </message>
    <message>
        <source>The data folder cannot be used</source>
        <translation>No se puede usar la carpeta de datos</translation>
    </message>
    <message>
        <source>The app could not create its lock file in its data folder ({folder}), so it cannot start. Check that the disk is connected and has space, then start the app again. Nothing was changed.</source>
        <translation>La aplicación no pudo crear su archivo de bloqueo en su carpeta de datos ({folder}), así que no puede abrirse. Revise que el disco esté conectado y tenga espacio, y abra la aplicación otra vez. No se cambió nada.</translation>
    </message>
    <message>
        <source>Some clinic settings in {file} could not be used. The app uses its own defaults for those and carries on. What needs fixing:</source>
        <translation>Algunos ajustes de la clínica en {file} no se pudieron usar. Para esos, la aplicación usa sus propios valores y sigue funcionando. Lo que hay que corregir:</translation>
    </message>
    <message>
        <source>The clinic settings have mistakes</source>
        <translation>Los ajustes de la clínica tienen errores</translation>
    </message>
    <message>
        <source>Content could not be used</source>
        <translation>No se pudo usar el contenido</translation>
    </message>
    <message>
        <source>The app cannot use the folder for your data: {error}</source>
        <translation>La aplicación no puede usar la carpeta para sus datos: {error}</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Learn</source>
        <translation>Aprender</translation>
    </message>
    <message>
        <source>My recovery</source>
        <translation>Mi recuperación</translation>
    </message>
    <message>
        <source>Warning signs</source>
        <translation>Señales de alarma</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
</context>
<context>
    <name>AttractLoop</name>
    <message>
        <source>Highlights about microneedling</source>
        <translation>Lo más importante del microneedling</translation>
    </message>
    <message>
        <source>Touch the screen to start</source>
        <translation>Toque la pantalla para empezar</translation>
    </message>
</context>
<context>
    <name>BundleStatus</name>
    <message>
        <source>Setup bundles: none applied yet; this computer uses its own setup.</source>
        <translation>Paquetes de configuración: ninguno aplicado todavía; esta computadora usa su propia configuración.</translation>
    </message>
    <message>
        <source>Setup bundle {version} applied on {date}.</source>
        <translation>Paquete de configuración {version} aplicado el {date}.</translation>
    </message>
    <message>
        <source>It is used from the next start of the app.</source>
        <translation>Se usa desde el próximo inicio de la aplicación.</translation>
    </message>
    <message>
        <source>Bundle {version} was rolled back: {reason}</source>
        <translation>El paquete {version} se revirtió: {reason}</translation>
    </message>
    <message>
        <source>Bundle file {file} refused: {reason}</source>
        <translation>Archivo de paquete {file} rechazado: {reason}</translation>
    </message>
    <message>
        <source>Bundle {version} refused: {reason}</source>
        <translation>Paquete {version} rechazado: {reason}</translation>
    </message>
    <message>
        <source>{problem}. The bundle in use stays; the app looks again in 10 minutes.</source>
        <translation>{problem}. El paquete en uso se mantiene; la aplicación vuelve a mirar en 10 minutos.</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>From about {time} on {day}.</source>
        <translation>Desde las {time} más o menos del {day}.</translation>
    </message>
    <message>
        <source>This is a reminder, not an appointment. Book your next session, or check the date your clinic gave you.</source>
        <translation>Esto es un recordatorio, no una cita. Reserve su próxima sesión, o revise la fecha que le dio su clínica.</translation>
    </message>
    <message>
        <source>Microneedling aftercare</source>
        <translation>Cuidados después del microneedling</translation>
    </message>
    <message>
        <source>{name}: {phone}</source>
        <translation>{name}: {phone}</translation>
    </message>
    <message>
        <source>Your clinic: {phone}</source>
        <translation>Su clínica: {phone}</translation>
    </message>
</context>
<context>
    <name>CheckInCard</name>
    <message>
        <source>No call needed</source>
        <translation>No hace falta llamar</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Por qué:</translation>
    </message>
    <message>
        <source>See all warning signs</source>
        <translation>Ver todas las señales de alarma</translation>
    </message>
    <message>
        <source>Your answer: {word}</source>
        <translation>Su respuesta: {word}</translation>
    </message>
    <message>
        <source>Clinic phone: {phone}</source>
        <translation>Teléfono de la clínica: {phone}</translation>
    </message>
    <message>
        <source>Your clinic&apos;s phone number is on the papers they gave you.</source>
        <translation>El teléfono de su clínica está en los papeles que le dieron.</translation>
    </message>
    <message>
        <source>Out of hours: {phone}</source>
        <translation>Fuera del horario: {phone}</translation>
    </message>
</context>
<context>
    <name>CheckInHistory</name>
    <message>
        <source>Your check-ins so far</source>
        <translation>Sus revisiones hasta ahora</translation>
    </message>
    <message>
        <source>Your past check-ins will show here.</source>
        <translation>Aquí aparecerán sus revisiones anteriores.</translation>
    </message>
    <message>
        <source>Save a summary for your clinic (PDF)…</source>
        <translation>Guardar un resumen para su clínica (PDF)…</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>day {n}: {answer}</source>
        <translation>día {n}: {answer}</translation>
    </message>
    <message>
        <source>{symptom} by day: {days}</source>
        <translation>{symptom} por día: {days}</translation>
    </message>
    <message>
        <source>{symptom} trend</source>
        <translation>{symptom}: cómo cambia</translation>
    </message>
    <message>
        <source>Last: {answer}</source>
        <translation>Última: {answer}</translation>
    </message>
    <message>
        <source>Day {n}, {date}</source>
        <translation>Día {n}, {date}</translation>
    </message>
    <message>
        <source>{symptom}: {answer}</source>
        <translation>{symptom}: {answer}</translation>
    </message>
    <message>
        <source>Yes: {question}</source>
        <translation>Sí: {question}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Nota: {note}</translation>
    </message>
    <message>
        <source>Save a summary for your clinic</source>
        <translation>Guardar un resumen para su clínica</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>No se guardó: {error}</translation>
    </message>
    <message>
        <source>Saved to {file}.</source>
        <translation>Se guardó en {file}.</translation>
    </message>
</context>
<context>
    <name>CheckInPanel</name>
    <message>
        <source>Your note for today (if you want one)</source>
        <translation>Su nota de hoy (si quiere escribir una)</translation>
    </message>
    <message>
        <source>Your note for today</source>
        <translation>Su nota de hoy</translation>
    </message>
    <message>
        <source>{question}: {answer}</source>
        <translation>{question}: {answer}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{question} {answer}</source>
        <translation>{question} {answer}</translation>
    </message>
    <message numerus="yes">
        <source>A note can be up to %Ln characters. The rest was not kept.</source>
        <translation>
            <numerusform>Una nota puede tener hasta %Ln carácter. El resto no se guardó.</numerusform>
            <numerusform>Una nota puede tener hasta %Ln caracteres. El resto no se guardó.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved ✓</source>
        <translation>Guardado ✓</translation>
    </message>
</context>
<context>
    <name>CheckInSummary</name>
    <message>
        <source>My skin check-ins</source>
        <translation>Mis revisiones de la piel</translation>
    </message>
    <message>
        <source>For {clinic}</source>
        <translation>Para {clinic}</translation>
    </message>
    <message>
        <source>Treatment: {date}, {time}</source>
        <translation>Tratamiento: {date}, {time}</translation>
    </message>
    <message>
        <source>Made on {date}.</source>
        <translation>Hecho el {date}.</translation>
    </message>
    <message>
        <source>No check-ins yet.</source>
        <translation>Todavía no hay revisiones.</translation>
    </message>
    <message>
        <source>These are the patient&apos;s own answers in the Microneedling Companion app. The levels follow the warning signs in the app. They are not a diagnosis.</source>
        <translation>Estas son las respuestas del propio paciente en la aplicación Microneedling Companion. Los niveles siguen las señales de alarma de la aplicación. No son un diagnóstico.</translation>
    </message>
    <message>
        <source>Day {n}: {date}</source>
        <translation>Día {n}: {date}</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>{symptom}: {answer}</source>
        <translation>{symptom}: {answer}</translation>
    </message>
    <message>
        <source>Yes: {question}</source>
        <translation>Sí: {question}</translation>
    </message>
    <message>
        <source>Warning questions: {yes} yes, {no} no, {skipped} not answered.</source>
        <translation>Preguntas de alarma: {yes} sí, {no} no, {skipped} sin respuesta.</translation>
    </message>
    <message>
        <source>Result: no call needed.</source>
        <translation>Resultado: no hace falta llamar.</translation>
    </message>
    <message>
        <source>Result: {level}. {title}</source>
        <translation>Resultado: {level}. {title}</translation>
    </message>
    <message>
        <source>No answers this day.</source>
        <translation>No hay respuestas este día.</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Nota:</translation>
    </message>
</context>
<context>
    <name>ClinicSetting</name>
    <message>
        <source>Your clinic</source>
        <translation>Su clínica</translation>
    </message>
    <message>
        <source>The app shows your clinic&apos;s phone numbers with the warning signs, on Today and in the handout and calendar file you save.</source>
        <translation>La aplicación muestra los teléfonos de su clínica junto a las señales de alarma, en Hoy, y en la hoja y el archivo de calendario que usted guarde.</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>Your clinic&apos;s name</source>
        <translation>El nombre de su clínica</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Your clinic&apos;s phone number</source>
        <translation>El teléfono de su clínica</translation>
    </message>
    <message>
        <source>After-hours phone</source>
        <translation>Teléfono fuera del horario</translation>
    </message>
    <message>
        <source>Your clinic&apos;s after-hours phone number</source>
        <translation>El teléfono de su clínica fuera del horario</translation>
    </message>
    <message>
        <source>Set by your clinic&apos;s setup</source>
        <translation>Lo fijó la configuración de su clínica</translation>
    </message>
    <message numerus="yes">
        <source>That is too long: use at most %n characters.</source>
        <translation>
            <numerusform>Es demasiado largo: use como máximo %n carácter.</numerusform>
            <numerusform>Es demasiado largo: use como máximo %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Write the name in plain words, without &lt; or &gt;.</source>
        <translation>Escriba el nombre con palabras simples, sin &lt; ni &gt;.</translation>
    </message>
    <message>
        <source>Write it on one line.</source>
        <translation>Escríbalo en una sola línea.</translation>
    </message>
    <message>
        <source>A phone number needs some digits.</source>
        <translation>Un número de teléfono necesita algunos dígitos.</translation>
    </message>
    <message>
        <source>Use digits, spaces and + ( ) - only, like +1 (555) 010-0123.</source>
        <translation>Use solo dígitos, espacios y + ( ) -, por ejemplo +1 (555) 010-0123.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>ClinicSetup</name>
    <message>
        <source>Clinic setup</source>
        <translation>Configuración de la clínica</translation>
    </message>
    <message>
        <source>The clinic</source>
        <translation>La clínica</translation>
    </message>
    <message>
        <source>Aftercare timings</source>
        <translation>Tiempos de los cuidados</translation>
    </message>
    <message>
        <source>Getting ready, before the treatment</source>
        <translation>Prepararse, antes del tratamiento</translation>
    </message>
    <message>
        <source>The kiosk</source>
        <translation>El quiosco</translation>
    </message>
    <message>
        <source>Save the clinic setup</source>
        <translation>Guardar la configuración de la clínica</translation>
    </message>
    <message>
        <source>The settings are kept in {path}</source>
        <translation>La configuración se guarda en {path}</translation>
    </message>
    <message>
        <source>The folder {folder} is read-only for this account, so the setup cannot be saved here. Ask whoever manages this computer to change it, or start the app with --clinic-config and a file you may change.</source>
        <translation>La carpeta {folder} es de solo lectura para esta cuenta, así que la configuración no se puede guardar aquí. Pida a quien administra esta computadora que lo cambie, o abra la aplicación con --clinic-config y un archivo que usted pueda cambiar.</translation>
    </message>
    <message>
        <source>This computer&apos;s setup comes from setup bundle {version}, signed by the clinic. Change it in the bundle and sign a new one; a change made here would be replaced.</source>
        <translation>La configuración de esta computadora viene del paquete de configuración {version}, firmado por la clínica. Cámbiela en el paquete y firme uno nuevo; un cambio hecho aquí se reemplazaría.</translation>
    </message>
    <message>
        <source>The settings file cannot be used here: {reason}. Fix it in a text editor.</source>
        <translation>El archivo de configuración no se puede usar aquí: {reason}. Corríjalo en un editor de texto.</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <source>Not saved: fix {fields} first.</source>
        <translation>No se guardó: primero corrija {fields}.</translation>
    </message>
    <message>
        <source>Nothing has changed.</source>
        <translation>No ha cambiado nada.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>No se guardó: {reason}</translation>
    </message>
    <message>
        <source>Saved in {path}.</source>
        <translation>Se guardó en {path}.</translation>
    </message>
    <message>
        <source>Not saved: this account may not change {folder}. Ask whoever manages this computer, or use a settings file you may change.</source>
        <translation>No se guardó: esta cuenta no puede cambiar {folder}. Pregunte a quien administra esta computadora, o use un archivo de configuración que usted pueda cambiar.</translation>
    </message>
    <message>
        <source>Not saved: {reason}. Nothing was changed.</source>
        <translation>No se guardó: {reason}. No se cambió nada.</translation>
    </message>
    <message>
        <source>For clinic staff: what patients see of your clinic, your aftercare timings and the kiosk. Each field is checked as you type; Save keeps the file&apos;s comments.</source>
        <translation>Para el personal de la clínica: lo que los pacientes ven de su clínica, sus tiempos de cuidados y el quiosco. Cada campo se revisa mientras escribe; Guardar conserva los comentarios del archivo.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the clinic setup</source>
        <translation>Cerrar la configuración de la clínica</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>horas</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>Use the clinic&apos;s own timing</source>
        <translation>Usar el tiempo propio de la clínica</translation>
    </message>
    <message>
        <source>{field}: use the clinic&apos;s own timing</source>
        <translation>{field}: usar el tiempo propio de la clínica</translation>
    </message>
    <message>
        <source>{field}: amount</source>
        <translation>{field}: cantidad</translation>
    </message>
    <message>
        <source>{field}: unit</source>
        <translation>{field}: unidad</translation>
    </message>
    <message>
        <source>days before</source>
        <translation>días antes</translation>
    </message>
    <message>
        <source>{field}: days before</source>
        <translation>{field}: días antes</translation>
    </message>
    <message>
        <source>Not set: use the computer&apos;s region</source>
        <translation>Sin fijar: usar la región de la computadora</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>In the kiosk&apos;s top bar, on handouts and wherever the app says “your clinic”. At most {n} characters.</source>
        <translation>En la barra superior del quiosco, en las hojas impresas y donde la aplicación dice “su clínica”. Como máximo {n} caracteres.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Shown with the warning signs. Digits, spaces and + ( ) - only; at most {n}.</source>
        <translation>Se muestra con las señales de alarma. Solo dígitos, espacios y + ( ) -; como máximo {n}.</translation>
    </message>
    <message>
        <source>After-hours phone</source>
        <translation>Teléfono fuera del horario</translation>
    </message>
    <message>
        <source>For worries outside opening hours. Same rules.</source>
        <translation>Para dudas fuera del horario de atención. Las mismas reglas.</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <source>An .svg or .png file in the folder of the settings file, or a folder inside it. A file chosen elsewhere is copied there when you save.</source>
        <translation>Un archivo .svg o .png en la carpeta del archivo de configuración, o en una carpeta dentro de ella. Un archivo elegido en otro lugar se copia ahí al guardar.</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>Color de la marca</translation>
    </message>
    <message>
        <source>Replaces the app&apos;s teal in the light theme, only if white text on it and it on white are easy to read (WCAG AA).</source>
        <translation>Reemplaza el verde azulado de la aplicación en el tema claro, solo si el texto blanco sobre él y él sobre blanco se leen con facilidad (WCAG AA).</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Whose emergency number to show. A patient can still choose another.</source>
        <translation>De qué país se muestra el número de emergencias. Un paciente puede elegir otro.</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Quiosco</translation>
    </message>
    <message>
        <source>When ticked, this computer starts as the waiting-room kiosk.</source>
        <translation>Si está marcado, esta computadora se abre como el quiosco de la sala de espera.</translation>
    </message>
    <message>
        <source>This computer is a waiting-room kiosk</source>
        <translation>Esta computadora es un quiosco de la sala de espera</translation>
    </message>
    <message>
        <source>Kiosk idle time</source>
        <translation>Tiempo de espera del quiosco</translation>
    </message>
    <message>
        <source>Back to the start screen after this long without a touch ({low} to {high} seconds).</source>
        <translation>Vuelve a la pantalla de inicio tras este tiempo sin que nadie lo toque (de {low} a {high} segundos).</translation>
    </message>
    <message>
        <source>Kiosk motion</source>
        <translation>Movimiento del quiosco</translation>
    </message>
    <message>
        <source>Change the kiosk&apos;s highlights without a fade</source>
        <translation>Cambiar lo más importante del quiosco sin fundido</translation>
    </message>
    <message>
        <source>Usage counts</source>
        <translation>Conteo de uso</translation>
    </message>
    <message>
        <source>Counts per day only (visits, screens, prints), never who or when exactly.</source>
        <translation>Solo cuenta por día (visitas, pantallas, impresiones), nunca quién ni a qué hora exacta.</translation>
    </message>
    <message>
        <source>Count how the kiosk is used</source>
        <translation>Contar cómo se usa el quiosco</translation>
    </message>
    <message>
        <source>Time to answer “Still there?”</source>
        <translation>Tiempo para responder “¿Sigue ahí?”</translation>
    </message>
    <message>
        <source>How long the kiosk waits for a touch before it starts again.</source>
        <translation>Cuánto espera el quiosco a que alguien lo toque antes de volver a empezar.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>PIN del personal</translation>
    </message>
    <message>
        <source>Closes the kiosk and opens this setup there. 6 to 12 digits, not a sequence or a repeat. Stored only as a salted hash.</source>
        <translation>Cierra el quiosco y abre ahí esta configuración. De 6 a 12 dígitos, sin series ni repeticiones. Solo se guarda como un hash con sal.</translation>
    </message>
    <message>
        <source>Not set: the app&apos;s own teal, like &quot;#0B6E74&quot;</source>
        <translation>Sin fijar: el verde azulado de la aplicación, como &quot;#0B6E74&quot;</translation>
    </message>
    <message>
        <source>A button</source>
        <translation>Un botón</translation>
    </message>
    <message>
        <source>A link</source>
        <translation>Un enlace</translation>
    </message>
    <message>
        <source>Preview: a button in this colour</source>
        <translation>Vista previa: un botón de este color</translation>
    </message>
    <message>
        <source>Preview: a link in this colour</source>
        <translation>Vista previa: un enlace de este color</translation>
    </message>
    <message>
        <source>White text on it: {a}:1 (needs {need_a}:1). On the white background: {b}:1 (needs {need_b}:1).</source>
        <translation>Texto blanco sobre él: {a}:1 (necesita {need_a}:1). Sobre el fondo blanco: {b}:1 (necesita {need_b}:1).</translation>
    </message>
    <message>
        <source>Not set, or a file in the config&apos;s folder: &quot;logo.svg&quot;</source>
        <translation>Sin fijar, o un archivo en la carpeta de la configuración: &quot;logo.svg&quot;</translation>
    </message>
    <message>
        <source>Preview of the logo</source>
        <translation>Vista previa del logotipo</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Elegir un archivo…</translation>
    </message>
    <message>
        <source>Choose the logo file</source>
        <translation>Elegir el archivo del logotipo</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Sin logotipo</translation>
    </message>
    <message>
        <source>Choose the clinic&apos;s logo</source>
        <translation>Elegir el logotipo de la clínica</translation>
    </message>
    <message>
        <source>Logo (*.svg *.png)</source>
        <translation>Logotipo (*.svg *.png)</translation>
    </message>
    <message>
        <source>New staff PIN</source>
        <translation>Nuevo PIN del personal</translation>
    </message>
    <message>
        <source>New PIN: 6 to 12 digits</source>
        <translation>Nuevo PIN: de 6 a 12 dígitos</translation>
    </message>
    <message>
        <source>The new staff PIN again</source>
        <translation>El nuevo PIN del personal otra vez</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>El mismo PIN otra vez</translation>
    </message>
    <message>
        <source>A staff PIN is set. Type a new one twice to change it.</source>
        <translation>Hay un PIN del personal. Para cambiarlo, escriba uno nuevo dos veces.</translation>
    </message>
    <message>
        <source>No staff PIN yet: the kiosk cannot be closed from its screen.</source>
        <translation>Todavía no hay PIN del personal: el quiosco no se puede cerrar desde su pantalla.</translation>
    </message>
    <message>
        <source>Type the same PIN again in the second field.</source>
        <translation>Escriba el mismo PIN otra vez en el segundo campo.</translation>
    </message>
    <message>
        <source>The two PINs are different: type the same PIN in both fields.</source>
        <translation>Los dos PIN son distintos: escriba el mismo PIN en los dos campos.</translation>
    </message>
</context>
<context>
    <name>ClinicSetupCounts</name>
    <message numerus="yes">
        <source>Default: %n days before.</source>
        <translation>
            <numerusform>Valor propio: %n día antes.</numerusform>
            <numerusform>Valor propio: %n días antes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Default: %n hours.</source>
        <translation>
            <numerusform>Valor propio: %n hora.</numerusform>
            <numerusform>Valor propio: %n horas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Default: %n days.</source>
        <translation>
            <numerusform>Valor propio: %n día.</numerusform>
            <numerusform>Valor propio: %n días.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clinics usually ask {low} to %n hours.</source>
        <translation>
            <numerusform>Las clínicas suelen pedir de {low} a %n hora.</numerusform>
            <numerusform>Las clínicas suelen pedir de {low} a %n horas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clinics usually ask {low} to %n days.</source>
        <translation>
            <numerusform>Las clínicas suelen pedir de {low} a %n día.</numerusform>
            <numerusform>Las clínicas suelen pedir de {low} a %n días.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Content</name>
    <message>
        <source>{phone} (after hours: {after_hours})</source>
        <translation>{phone} (fuera del horario: {after_hours})</translation>
    </message>
    <message>
        <source>your clinic</source>
        <translation>su clínica</translation>
    </message>
    <message>
        <source>your clinic&apos;s phone number</source>
        <translation>el teléfono de su clínica</translation>
    </message>
    <message>
        <source>The content from {folder} could not be used, so the app shows its own built-in content instead. What needs fixing:</source>
        <translation>El contenido de {folder} no se pudo usar, así que la aplicación muestra su propio contenido. Lo que hay que corregir:</translation>
    </message>
    <message>
        <source>Some content had problems and was left out. What needs fixing:</source>
        <translation>Una parte del contenido tenía problemas y se dejó fuera. Lo que hay que corregir:</translation>
    </message>
    <message>
        <source>Clinic phone: {phone}</source>
        <translation>Teléfono de la clínica: {phone}</translation>
    </message>
    <message>
        <source>Out of hours: {phone}</source>
        <translation>Fuera del horario: {phone}</translation>
    </message>
    <message>
        <source>Add your clinic&apos;s phone in Settings.</source>
        <translation>Agregue el teléfono de su clínica en Ajustes.</translation>
    </message>
</context>
<context>
    <name>DayNavigator</name>
    <message>
        <source>Previous day</source>
        <translation>Día anterior</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Día siguiente</translation>
    </message>
</context>
<context>
    <name>DayPreview</name>
    <message>
        <source>Preview a day</source>
        <translation>Ver un día</translation>
    </message>
    <message>
        <source>Day {day} of {total}</source>
        <translation>Día {day} de {total}</translation>
    </message>
    <message>
        <source>Day {day}</source>
        <translation>Día {day}</translation>
    </message>
    <message>
        <source>{date} (today)</source>
        <translation>{date} (hoy)</translation>
    </message>
    <message>
        <source>What&apos;s normal</source>
        <translation>Qué es normal</translation>
    </message>
    <message>
        <source>Your checklist that day</source>
        <translation>Su lista de ese día</translation>
    </message>
    <message>
        <source>Nothing extra to do that day.</source>
        <translation>Ese día no hay nada más que hacer.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>The app ran into a problem it did not expect. Your saved data is safe. You can keep using the app. If this keeps happening, copy the report below and send it to the people who support the app.</source>
        <translation>La aplicación tuvo un problema inesperado. Sus datos guardados están a salvo. Puede seguir usando la aplicación. Si esto vuelve a pasar, copie el informe de abajo y envíelo a quienes dan soporte a la aplicación.</translation>
    </message>
    <message>
        <source>Problem report</source>
        <translation>Informe del problema</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copiar el informe</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message numerus="yes">
        <source>%n days {hours} h</source>
        <translation>
            <numerusform>%n día {hours} h</numerusform>
            <numerusform>%n días {hours} h</numerusform>
        </translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>menos de un minuto</translation>
    </message>
    <message>
        <source>{subject} in {time}</source>
        <translation>{subject} en {time}</translation>
    </message>
    <message>
        <source>{date}, {time}</source>
        <translation>{date}, {time}</translation>
    </message>
    <message>
        <source>About {date}</source>
        <translation>Hacia el {date}</translation>
    </message>
    <message>
        <source>about {date}</source>
        <translation>hacia el {date}</translation>
    </message>
    <message>
        <source>From about {time} on {date}</source>
        <translation>Desde las {time} más o menos del {date}</translation>
    </message>
    <message>
        <source>from about {time} on {date}</source>
        <translation>desde las {time} más o menos del {date}</translation>
    </message>
    <message>
        <source>{subject}: {when}</source>
        <translation>{subject}: {when}</translation>
    </message>
    <message>
        <source>{label}: {when}</source>
        <translation>{label}: {when}</translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy</source>
        <comment>A long date with the year, as a QLocale date format (Sunday 8 March 2026). Put words between single quotes: &apos;de&apos;.</comment>
        <translation>dddd, d &apos;de&apos; MMMM &apos;de&apos; yyyy</translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <comment>A long date, as a QLocale date format (Sunday 8 March). Put words between single quotes: &apos;de&apos;.</comment>
        <translation>dddd, d &apos;de&apos; MMMM</translation>
    </message>
</context>
<context>
    <name>GettingReadyList</name>
    <message>
        <source>On the day</source>
        <translation>El mismo día</translation>
    </message>
    <message>
        <source>From {date} (the day before)</source>
        <translation>Desde el {date} (el día antes)</translation>
    </message>
    <message numerus="yes">
        <source>From {date} (%n days before)</source>
        <translation>
            <numerusform>Desde el {date} (%n día antes)</numerusform>
            <numerusform>Desde el {date} (%n días antes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Your aftercare plan</source>
        <translation>Su plan de cuidados</translation>
    </message>
    <message>
        <source>Your treatment: {when}, {zone}</source>
        <translation>Su tratamiento: {when}, {zone}</translation>
    </message>
    <message>
        <source>Print your aftercare plan</source>
        <translation>Imprimir su plan de cuidados</translation>
    </message>
    <message>
        <source>Phone: {phone}</source>
        <translation>Teléfono: {phone}</translation>
    </message>
    <message>
        <source>Phone: {blank}</source>
        <translation>Teléfono: {blank}</translation>
    </message>
    <message>
        <source>When can I do things again?</source>
        <translation>¿Cuándo puedo volver a hacer las cosas?</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Qué hacer</translation>
    </message>
    <message>
        <source>Daily checklist</source>
        <translation>Lista de cada día</translation>
    </message>
    <message>
        <source>Day 1 is the day of your treatment, {date}.</source>
        <translation>El día 1 es el día de su tratamiento, el {date}.</translation>
    </message>
    <message>
        <source>{days}:</source>
        <translation>{days}:</translation>
    </message>
    <message>
        <source>From day {day}:</source>
        <translation>Desde el día {day}:</translation>
    </message>
    <message>
        <source>Keep using sunscreen every day, through your whole course of treatment.</source>
        <translation>Siga usando protector solar todos los días, durante todo su tratamiento.</translation>
    </message>
    <message>
        <source>Day {day}</source>
        <translation>Día {day}</translation>
    </message>
    <message>
        <source>Days {days}</source>
        <translation>Días {days}</translation>
    </message>
    <message>
        <source>What is normal?</source>
        <translation>¿Qué es normal?</translation>
    </message>
    <message>
        <source>{phase}:</source>
        <translation>{phase}:</translation>
    </message>
    <message>
        <source>Clinic phone: {phone}</source>
        <translation>Teléfono de la clínica: {phone}</translation>
    </message>
    <message>
        <source>Out of hours: {phone}</source>
        <translation>Fuera del horario: {phone}</translation>
    </message>
    <message>
        <source>Clinic phone: {blank}</source>
        <translation>Teléfono de la clínica: {blank}</translation>
    </message>
    <message>
        <source>Warning signs</source>
        <translation>Señales de alarma</translation>
    </message>
    <message>
        <source>General information. Follow your clinic&apos;s instructions.</source>
        <translation>Información general. Siga las indicaciones de su clínica.</translation>
    </message>
    <message>
        <source>Content last reviewed: {date}</source>
        <translation>Contenido revisado por última vez: {date}</translation>
    </message>
    <message>
        <source>about {date}</source>
        <translation>hacia el {date}</translation>
    </message>
    <message>
        <source>Keep using sunscreen every day</source>
        <translation>Siga usando protector solar todos los días</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Ask at the desk for the clinic&apos;s phone number.</source>
        <translation>Pida el teléfono de la clínica en el mostrador.</translation>
    </message>
</context>
<context>
    <name>KioskClinicSetup</name>
    <message>
        <source>Clinic setup</source>
        <translation>Configuración de la clínica</translation>
    </message>
    <message>
        <source>Saved settings are used when the kiosk starts again.</source>
        <translation>La configuración guardada se usa cuando el quiosco vuelve a abrirse.</translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation>Salir del quiosco</translation>
    </message>
    <message>
        <source>Back to the kiosk</source>
        <translation>Volver al quiosco</translation>
    </message>
</context>
<context>
    <name>KioskPreview</name>
    <message>
        <source>Today, {date}</source>
        <translation>Hoy, {date}</translation>
    </message>
    <message>
        <source>Yesterday, {date}</source>
        <translation>Ayer, {date}</translation>
    </message>
    <message>
        <source>Tomorrow, {date}</source>
        <translation>Mañana, {date}</translation>
    </message>
</context>
<context>
    <name>KioskQr</name>
    <message>
        <source>Microneedling aftercare</source>
        <translation>Cuidados después del microneedling</translation>
    </message>
    <message>
        <source>All times: {zone}</source>
        <translation>Todas las horas: {zone}</translation>
    </message>
    <message>
        <source>Treatment: {when}</source>
        <translation>Tratamiento: {when}</translation>
    </message>
    <message>
        <source>{label}: {when}</source>
        <translation>{label}: {when}</translation>
    </message>
    <message>
        <source>Your clinic</source>
        <translation>Su clínica</translation>
    </message>
    <message>
        <source>{clinic}: {phone}</source>
        <translation>{clinic}: {phone}</translation>
    </message>
    <message>
        <source>General information. Follow your clinic&apos;s instructions.</source>
        <translation>Información general. Siga las indicaciones de su clínica.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Clinic phone: {phone}</source>
        <translation>Teléfono de la clínica: {phone}</translation>
    </message>
    <message>
        <source>Start screen</source>
        <translation>Pantalla de inicio</translation>
    </message>
    <message>
        <source>Back to the start screen</source>
        <translation>Volver a la pantalla de inicio</translation>
    </message>
    <message>
        <source>Show the kiosk in {language}</source>
        <translation>Mostrar el quiosco en {language}</translation>
    </message>
    <message>
        <source>Clinic logo</source>
        <translation>Logotipo de la clínica</translation>
    </message>
</context>
<context>
    <name>LearnArea</name>
    <message>
        <source>Learn about microneedling</source>
        <translation>Aprenda sobre el microneedling</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Back: previous screen</source>
        <translation>Atrás: pantalla anterior</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Índice</translation>
    </message>
    <message>
        <source>Contents: list of all screens</source>
        <translation>Índice: lista de todas las pantallas</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>What would you like to know?</source>
        <translation>¿Qué le gustaría saber?</translation>
    </message>
    <message>
        <source>All screens</source>
        <translation>Todas las pantallas</translation>
    </message>
    <message>
        <source>Previous screen in Learn</source>
        <translation>Pantalla anterior en Aprender</translation>
    </message>
    <message>
        <source>Next screen in Learn</source>
        <translation>Pantalla siguiente en Aprender</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} de {total}</translation>
    </message>
    <message>
        <source>Screen {n} of {total}</source>
        <translation>Pantalla {n} de {total}</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>Siguiente: {title}</translation>
    </message>
    <message>
        <source>Set up your recovery</source>
        <translation>Prepare su recuperación</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Dismiss reminder</source>
        <translation>Cerrar el recordatorio</translation>
    </message>
    <message>
        <source>Go to {area}</source>
        <translation>Ir a {area}</translation>
    </message>
    <message>
        <source>Quit the app</source>
        <translation>Salir de la aplicación</translation>
    </message>
</context>
<context>
    <name>NextSessionCard</name>
    <message>
        <source>Add the next session</source>
        <translation>Agregar la próxima sesión</translation>
    </message>
    <message>
        <source>Session {n} is booked for {when}.</source>
        <translation>La sesión {n} está reservada para el {when}.</translation>
    </message>
    <message>
        <source>Session {n} is due around {date}.</source>
        <translation>La sesión {n} toca hacia el {date}.</translation>
    </message>
    <message>
        <source>Session {n} was due around {date}. Add it when you have had it.</source>
        <translation>La sesión {n} tocaba hacia el {date}. Agréguela cuando la haya tenido.</translation>
    </message>
    <message>
        <source>Add session {n}</source>
        <translation>Agregar la sesión {n}</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff PIN</source>
        <translation>PIN del personal</translation>
    </message>
    <message>
        <source>Staff: enter the PIN to close the kiosk</source>
        <translation>Personal: escriba el PIN para cerrar el quiosco</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>This kiosk has no staff PIN</source>
        <translation>Este quiosco no tiene PIN del personal</translation>
    </message>
    <message>
        <source>It cannot be closed from the screen. Set a PIN with the set-kiosk-pin command, or stop the kiosk from the computer itself (see the setup guide).</source>
        <translation>No se puede cerrar desde la pantalla. Fije un PIN con el comando set-kiosk-pin, o detenga el quiosco desde la propia computadora (vea la guía de instalación).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>Ese PIN no es correcto.</translation>
    </message>
    <message numerus="yes">
        <source>Digits entered: %n</source>
        <translation>
            <numerusform>Dígitos escritos: %n</numerusform>
            <numerusform>Dígitos escritos: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation>Demasiados PIN incorrectos. Vuelva a intentarlo en {seconds} s.</translation>
    </message>
</context>
<context>
    <name>PreviewArea</name>
    <message>
        <source>Preview my recovery</source>
        <translation>Ver cómo será mi recuperación</translation>
    </message>
</context>
<context>
    <name>PreviewPicker</name>
    <message>
        <source>When is your treatment?</source>
        <translation>¿Cuándo es su tratamiento?</translation>
    </message>
    <message>
        <source>Pick the day and time of your treatment, past or coming. You will see what to do each day and when each step ends. Nothing you pick is kept.</source>
        <translation>Elija el día y la hora de su tratamiento, pasado o próximo. Verá qué hacer cada día y cuándo termina cada paso. No se guarda nada de lo que elija.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>One day earlier</source>
        <translation>Un día antes</translation>
    </message>
    <message>
        <source>One day later</source>
        <translation>Un día después</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Half an hour earlier</source>
        <translation>Media hora antes</translation>
    </message>
    <message>
        <source>Half an hour later</source>
        <translation>Media hora después</translation>
    </message>
    <message>
        <source>Show my recovery</source>
        <translation>Mostrar mi recuperación</translation>
    </message>
    <message>
        <source>The clocks change at that time, so it does not exist. Pick another time.</source>
        <translation>A esa hora se cambia la hora del reloj, así que no existe. Elija otra hora.</translation>
    </message>
</context>
<context>
    <name>PreviewResult</name>
    <message>
        <source>Your recovery</source>
        <translation>Su recuperación</translation>
    </message>
    <message>
        <source>Change the time</source>
        <translation>Cambiar la hora</translation>
    </message>
    <message>
        <source>Day by day</source>
        <translation>Día a día</translation>
    </message>
    <message>
        <source>All the dates</source>
        <translation>Todas las fechas</translation>
    </message>
    <message>
        <source>Take it home</source>
        <translation>Lléveselo a casa</translation>
    </message>
    <message>
        <source>If your treatment is on {when}</source>
        <translation>Si su tratamiento es el {when}</translation>
    </message>
    <message>
        <source>If you were treated on {when}</source>
        <translation>Si su tratamiento fue el {when}</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>Delete a session</source>
        <translation>Borrar una sesión</translation>
    </message>
    <message>
        <source>Delete session {n}? Its checklist ticks and notes are deleted with it.</source>
        <translation>¿Borrar la sesión {n}? Sus marcas de la lista y sus notas se borran con ella.</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Borrar la sesión</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>on the same day</source>
        <translation>el mismo día</translation>
    </message>
    <message>
        <source>1 day later</source>
        <translation>1 día después</translation>
    </message>
    <message>
        <source>1 day earlier</source>
        <translation>1 día antes</translation>
    </message>
    <message numerus="yes">
        <source>%n days later</source>
        <translation>
            <numerusform>%n día después</numerusform>
            <numerusform>%n días después</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days earlier</source>
        <translation>
            <numerusform>%n día antes</numerusform>
            <numerusform>%n días antes</numerusform>
        </translation>
    </message>
    <message>
        <source>You already have a session on {day}. Put this one {gap}?</source>
        <translation>Ya tiene una sesión el {day}. ¿Poner esta {gap}?</translation>
    </message>
    <message>
        <source>Change it</source>
        <translation>Cambiarla</translation>
    </message>
    <message>
        <source>You already have a session on {day}. Add another {gap}?</source>
        <translation>Ya tiene una sesión el {day}. ¿Agregar otra {gap}?</translation>
    </message>
    <message>
        <source>Add it</source>
        <translation>Agregarla</translation>
    </message>
    <message>
        <source>Sessions close together</source>
        <translation>Sesiones muy seguidas</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Volver</translation>
    </message>
</context>
<context>
    <name>RecoveryArea</name>
    <message>
        <source>My recovery</source>
        <translation>Mi recuperación</translation>
    </message>
    <message>
        <source>Tell the app when you had your treatment. It will then show what to do each day, count down to when you can wear makeup or work out again, and remind you while it is open.</source>
        <translation>Indique a la aplicación cuándo tuvo su tratamiento. Así le mostrará qué hacer cada día, contará el tiempo que falta para volver a maquillarse o hacer ejercicio, y se lo recordará mientras esté abierta.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Preview a day</source>
        <translation>Ver un día</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>My treatments</source>
        <translation>Mis tratamientos</translation>
    </message>
    <message>
        <source>When is your treatment?</source>
        <translation>¿Cuándo es su tratamiento?</translation>
    </message>
    <message>
        <source>When was your treatment?</source>
        <translation>¿Cuándo fue su tratamiento?</translation>
    </message>
</context>
<context>
    <name>RegionSetting</name>
    <message>
        <source>Your region (for the emergency number)</source>
        <translation>Su región (para el número de emergencias)</translation>
    </message>
    <message>
        <source>Your region, for the emergency number</source>
        <translation>Su región, para el número de emergencias</translation>
    </message>
    <message>
        <source>The app shows this number wherever it says to call for an emergency. Check it when you travel.</source>
        <translation>La aplicación muestra este número donde dice que llame por una emergencia. Revíselo cuando viaje.</translation>
    </message>
    <message>
        <source>Other (use your local emergency number)</source>
        <translation>Otra (use el número de emergencias de donde esté)</translation>
    </message>
    <message>
        <source>Emergency number: {number}</source>
        <translation>Número de emergencias: {number}</translation>
    </message>
</context>
<context>
    <name>Regions</name>
    <message>
        <source>Austria</source>
        <translation>Austria</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Australia</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>Bélgica</translation>
    </message>
    <message>
        <source>Bulgaria</source>
        <translation>Bulgaria</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Canadá</translation>
    </message>
    <message>
        <source>Cyprus</source>
        <translation>Chipre</translation>
    </message>
    <message>
        <source>Czechia</source>
        <translation>Chequia</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Alemania</translation>
    </message>
    <message>
        <source>Denmark</source>
        <translation>Dinamarca</translation>
    </message>
    <message>
        <source>Estonia</source>
        <translation>Estonia</translation>
    </message>
    <message>
        <source>Spain</source>
        <translation>España</translation>
    </message>
    <message>
        <source>Finland</source>
        <translation>Finlandia</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Francia</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Reino Unido</translation>
    </message>
    <message>
        <source>Greece</source>
        <translation>Grecia</translation>
    </message>
    <message>
        <source>Croatia</source>
        <translation>Croacia</translation>
    </message>
    <message>
        <source>Hungary</source>
        <translation>Hungría</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>Irlanda</translation>
    </message>
    <message>
        <source>Italy</source>
        <translation>Italia</translation>
    </message>
    <message>
        <source>Lithuania</source>
        <translation>Lituania</translation>
    </message>
    <message>
        <source>Luxembourg</source>
        <translation>Luxemburgo</translation>
    </message>
    <message>
        <source>Latvia</source>
        <translation>Letonia</translation>
    </message>
    <message>
        <source>Malta</source>
        <translation>Malta</translation>
    </message>
    <message>
        <source>Mexico</source>
        <translation>México</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>Países Bajos</translation>
    </message>
    <message>
        <source>New Zealand</source>
        <translation>Nueva Zelanda</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation>Polonia</translation>
    </message>
    <message>
        <source>Portugal</source>
        <translation>Portugal</translation>
    </message>
    <message>
        <source>Romania</source>
        <translation>Rumania</translation>
    </message>
    <message>
        <source>Sweden</source>
        <translation>Suecia</translation>
    </message>
    <message>
        <source>Slovenia</source>
        <translation>Eslovenia</translation>
    </message>
    <message>
        <source>Slovakia</source>
        <translation>Eslovaquia</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>Estados Unidos</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Today&apos;s aftercare</source>
        <translation>Los cuidados de hoy</translation>
    </message>
    <message numerus="yes">
        <source>Things on today&apos;s checklist: %n</source>
        <translation>
            <numerusform>Cosas en la lista de hoy: %n</numerusform>
            <numerusform>Cosas en la lista de hoy: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Getting ready</source>
        <translation>Prepararse</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Same as this computer</source>
        <translation>El mismo de esta computadora</translation>
    </message>
    <message>
        <source>Language: {name}</source>
        <translation>Idioma: {name}</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Más grande</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>El más grande</translation>
    </message>
    <message>
        <source>Text size: {size}</source>
        <translation>Tamaño del texto: {size}</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Colores</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>High contrast (yellow on black)</source>
        <translation>Alto contraste (amarillo sobre negro)</translation>
    </message>
    <message>
        <source>Colours: {theme}</source>
        <translation>Colores: {theme}</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Movimiento</translation>
    </message>
    <message>
        <source>Reduce motion (no fades or moving slides)</source>
        <translation>Reducir el movimiento (sin fundidos ni diapositivas que se mueven)</translation>
    </message>
    <message>
        <source>Reduce motion</source>
        <translation>Reducir el movimiento</translation>
    </message>
    <message>
        <source>Starting the app</source>
        <translation>Abrir la aplicación</translation>
    </message>
    <message>
        <source>Start the app when I log in to this computer</source>
        <translation>Abrir la aplicación cuando entro en esta computadora</translation>
    </message>
    <message>
        <source>Start the app when I log in</source>
        <translation>Abrir la aplicación cuando entro</translation>
    </message>
    <message>
        <source>Reminders only appear while the app is open, so this helps you get them.</source>
        <translation>Los recordatorios solo aparecen mientras la aplicación está abierta, así que esto le ayuda a recibirlos.</translation>
    </message>
    <message>
        <source>Clinic setup</source>
        <translation>Configuración de la clínica</translation>
    </message>
    <message>
        <source>For clinic staff: the clinic&apos;s name, phones, colour, logo, aftercare timings, the kiosk and its staff PIN.</source>
        <translation>Para el personal de la clínica: el nombre, los teléfonos, el color, el logotipo, los tiempos de cuidados, el quiosco y su PIN del personal.</translation>
    </message>
    <message>
        <source>Open clinic setup</source>
        <translation>Abrir la configuración de la clínica</translation>
    </message>
    <message>
        <source>That did not work: {error}</source>
        <translation>No funcionó: {error}</translation>
    </message>
</context>
<context>
    <name>StaffCorner</name>
    <message>
        <source>Staff: press and hold for five seconds</source>
        <translation>Personal: mantenga pulsado cinco segundos</translation>
    </message>
</context>
<context>
    <name>StaffMenu</name>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation>Salir del quiosco</translation>
    </message>
    <message>
        <source>Clinic setup</source>
        <translation>Configuración de la clínica</translation>
    </message>
    <message>
        <source>Back to the kiosk</source>
        <translation>Volver al quiosco</translation>
    </message>
</context>
<context>
    <name>StillThere</name>
    <message>
        <source>Still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <source>Yes, I&apos;m still here</source>
        <translation>Sí, sigo aquí</translation>
    </message>
    <message>
        <source>Going back to the start in {seconds} s.</source>
        <translation>Volvemos al inicio en {seconds} s.</translation>
    </message>
</context>
<context>
    <name>StoreOpen</name>
    <message>
        <source>Saved data from a newer version</source>
        <translation>Datos guardados por una versión más nueva</translation>
    </message>
    <message>
        <source>Your saved data cannot be opened right now</source>
        <translation>Ahora no se pueden abrir sus datos guardados</translation>
    </message>
    <message>
        <source>Your saved data was repaired</source>
        <translation>Se repararon sus datos guardados</translation>
    </message>
    <message>
        <source>No backup was made</source>
        <translation>No se hizo una copia de seguridad</translation>
    </message>
    <message>
        <source>Some of your most recent changes could not be read because part of your saved data was damaged. Everything saved before them is here. A copy of the damaged files has been kept, unchanged, as {name} in your data folder.</source>
        <translation>Algunos de sus cambios más recientes no se pudieron leer porque una parte de sus datos guardados estaba dañada. Todo lo guardado antes está aquí. Se guardó una copia de los archivos dañados, sin cambios, como {name} en su carpeta de datos.</translation>
    </message>
    <message>
        <source>Your saved data could not be read because the file was damaged. The damaged file has been kept, unchanged, as {name} in your data folder.</source>
        <translation>Sus datos guardados no se pudieron leer porque el archivo estaba dañado. El archivo dañado se guardó, sin cambios, como {name} en su carpeta de datos.</translation>
    </message>
    <message>
        <source>No backup was found, so the app has started with empty data.</source>
        <translation>No se encontró ninguna copia de seguridad, así que la aplicación empezó sin datos.</translation>
    </message>
    <message>
        <source>Your data was restored from a backup made on {when}. Anything you changed after that time is missing.</source>
        <translation>Sus datos se recuperaron de una copia de seguridad hecha el {when}. Falta lo que usted cambió después.</translation>
    </message>
    <message>
        <source>The disk is full: free some space, then start the app again.</source>
        <translation>El disco está lleno: libere espacio y abra la aplicación otra vez.</translation>
    </message>
    <message>
        <source>Your data folder {folder} is read-only, so the app cannot save anything there. Make it writable, or start the app with --data-dir and another folder.</source>
        <translation>Su carpeta de datos {folder} es de solo lectura, así que la aplicación no puede guardar nada ahí. Permita escribir en ella, o abra la aplicación con --data-dir y otra carpeta.</translation>
    </message>
    <message>
        <source>The app is not allowed to read or write your data folder {folder}. Check that the folder and the files in it belong to you, then start the app again.</source>
        <translation>La aplicación no tiene permiso para leer o escribir en su carpeta de datos {folder}. Revise que la carpeta y sus archivos sean suyos, y abra la aplicación otra vez.</translation>
    </message>
    <message>
        <source>Your saved data in {folder} is in use by another program. Close it, or wait a moment, then start the app again.</source>
        <translation>Otro programa está usando sus datos guardados en {folder}. Ciérrelo, o espere un momento, y abra la aplicación otra vez.</translation>
    </message>
    <message>
        <source>Your saved data in {folder} could not be read because of a problem with the disk. Check the disk, then start the app again.</source>
        <translation>Sus datos guardados en {folder} no se pudieron leer por un problema del disco. Revise el disco y abra la aplicación otra vez.</translation>
    </message>
    <message>
        <source>Your saved data has not been changed.</source>
        <translation>Sus datos guardados no se cambiaron.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <source>the folder is read-only</source>
        <translation>la carpeta es de solo lectura</translation>
    </message>
    <message>
        <source>the app is not allowed to write there</source>
        <translation>la aplicación no tiene permiso para escribir ahí</translation>
    </message>
    <message>
        <source>the folder is in use by another program</source>
        <translation>otro programa está usando la carpeta</translation>
    </message>
    <message>
        <source>of a problem with the disk</source>
        <translation>hay un problema con el disco</translation>
    </message>
    <message>
        <source>The app could not save a backup of your data in {folder} because {why}. Your data is safe and the app works as usual, but until this is fixed there is no fresh copy to go back to if the file is ever damaged.</source>
        <translation>La aplicación no pudo guardar una copia de seguridad de sus datos en {folder} porque {why}. Sus datos están a salvo y la aplicación funciona como siempre, pero hasta que esto se arregle no hay una copia reciente a la que volver si el archivo se daña.</translation>
    </message>
</context>
<context>
    <name>StoreWrites</name>
    <message>
        <source>Not saved: the disk is full. Free some space, then try again.</source>
        <translation>No se guardó: el disco está lleno. Libere espacio y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Not saved: your data file is read-only. Make your data folder writable again, then try again.</source>
        <translation>No se guardó: su archivo de datos es de solo lectura. Permita otra vez escribir en su carpeta de datos y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Not saved: another program is using your data file. Wait a moment, then try again.</source>
        <translation>No se guardó: otro programa está usando su archivo de datos. Espere un momento y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Not saved: your data file could not be written. Check the disk, then try again. If it keeps happening, restart the app.</source>
        <translation>No se guardó: no se pudo escribir su archivo de datos. Revise el disco y vuelva a intentarlo. Si sigue pasando, vuelva a abrir la aplicación.</translation>
    </message>
</context>
<context>
    <name>TakeHome</name>
    <message>
        <source>Take it home</source>
        <translation>Lléveselo a casa</translation>
    </message>
    <message>
        <source>Save a calendar file (.ics) to open in Outlook, Apple Calendar or Google Calendar: every date, each with a reminder. Or keep a printed copy of your plan.</source>
        <translation>Guarde un archivo de calendario (.ics) para abrirlo en Outlook, Apple Calendar o Google Calendar: todas las fechas, cada una con un aviso. O guarde una copia impresa de su plan.</translation>
    </message>
    <message>
        <source>Save a calendar file (.ics)…</source>
        <translation>Guardar un archivo de calendario (.ics)…</translation>
    </message>
    <message>
        <source>Save a calendar file (.ics) to open in Outlook, Apple Calendar or Google Calendar</source>
        <translation>Guardar un archivo de calendario (.ics) para abrirlo en Outlook, Apple Calendar o Google Calendar</translation>
    </message>
    <message>
        <source>Save handout as PDF…</source>
        <translation>Guardar la hoja como PDF…</translation>
    </message>
    <message>
        <source>Print handout…</source>
        <translation>Imprimir la hoja…</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>No se guardó: {error}</translation>
    </message>
    <message>
        <source>Save calendar file</source>
        <translation>Guardar el archivo de calendario</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Calendario (*.ics)</translation>
    </message>
    <message>
        <source>Saved to {file}. Open it to add the dates to Outlook or Apple Calendar; in Google Calendar, choose Settings, then Import &amp; export.</source>
        <translation>Se guardó en {file}. Ábralo para agregar las fechas a Outlook o Apple Calendar; en Google Calendar, elija Configuración y luego Importar y exportar.</translation>
    </message>
    <message>
        <source>Save handout</source>
        <translation>Guardar la hoja</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {file}.</source>
        <translation>Se guardó en {file}.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Se envió a la impresora.</translation>
    </message>
</context>
<context>
    <name>TakeHomeCode</name>
    <message>
        <source>QR code with your key dates</source>
        <translation>Código QR con sus fechas importantes</translation>
    </message>
    <message>
        <source>Take it home</source>
        <translation>Lléveselo a casa</translation>
    </message>
    <message>
        <source>Point your phone&apos;s camera at the code. It shows your key dates and the clinic&apos;s phone number as plain text, to save or share. It has no name in it, and nothing is sent anywhere.</source>
        <translation>Apunte la cámara de su teléfono al código. Muestra sus fechas importantes y el teléfono de la clínica como texto simple, para guardarlo o compartirlo. No lleva ningún nombre y no se envía a ningún sitio.</translation>
    </message>
    <message>
        <source>Print my aftercare plan</source>
        <translation>Imprimir mi plan de cuidados</translation>
    </message>
    <message>
        <source>Ask at the front desk for a printed copy of your plan.</source>
        <translation>Pida en el mostrador una copia impresa de su plan.</translation>
    </message>
    <message>
        <source>Sent to the printer. Collect it at the front desk.</source>
        <translation>Se envió a la impresora. Recójala en el mostrador.</translation>
    </message>
    <message>
        <source>The printer is not available. Ask at the front desk for a copy.</source>
        <translation>La impresora no está disponible. Pida una copia en el mostrador.</translation>
    </message>
    <message>
        <source>Printed. Ask at the desk for another copy</source>
        <translation>Impreso. Pida otra copia en el mostrador</translation>
    </message>
    <message>
        <source>Your plan was printed. Ask at the desk for another copy.</source>
        <translation>Su plan se imprimió. Pida otra copia en el mostrador.</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <source>Picture for: {title}</source>
        <translation>Imagen de: {title}</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>Recovery timeline</source>
        <translation>Calendario de la recuperación</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>{date}, {time}</source>
        <translation>{date}, {time}</translation>
    </message>
    <message>
        <source>Your treatment</source>
        <translation>Su tratamiento</translation>
    </message>
    <message>
        <source>Due around {date}</source>
        <translation>Toca hacia el {date}</translation>
    </message>
</context>
<context>
    <name>TodayStates</name>
    <message numerus="yes">
        <source>Your treatment is in %n days</source>
        <translation>
            <numerusform>Su tratamiento es dentro de %n día</numerusform>
            <numerusform>Su tratamiento es dentro de %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Your treatment is more than a year away</source>
        <translation>Falta más de un año para su tratamiento</translation>
    </message>
    <message>
        <source>Your treatment is on {when}. That is more than a year after this computer&apos;s date: check the computer&apos;s clock and date.</source>
        <translation>Su tratamiento es el {when}. Eso es más de un año después de la fecha de esta computadora: revise la hora y la fecha de la computadora.</translation>
    </message>
    <message>
        <source>Your treatment is today</source>
        <translation>Su tratamiento es hoy</translation>
    </message>
    <message>
        <source>Your treatment is tomorrow</source>
        <translation>Su tratamiento es mañana</translation>
    </message>
    <message>
        <source>{time} on {date}</source>
        <translation>{time} del {date}</translation>
    </message>
    <message>
        <source>{item} (until about {time})</source>
        <translation>{item} (hasta las {time} más o menos)</translation>
    </message>
    <message>
        <source>{milestone} (since about {time})</source>
        <translation>{milestone} (desde las {time} más o menos)</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Getting ready</source>
        <translation>Prepararse</translation>
    </message>
    <message>
        <source>On the day of your treatment this screen turns into your recovery: what to do each day and when you can wear makeup or work out again.</source>
        <translation>El día de su tratamiento, esta pantalla pasa a ser su recuperación: qué hacer cada día y cuándo puede volver a maquillarse o hacer ejercicio.</translation>
    </message>
    <message>
        <source>Back to today</source>
        <translation>Volver a hoy</translation>
    </message>
    <message>
        <source>What is normal now</source>
        <translation>Qué es normal ahora</translation>
    </message>
    <message>
        <source>Day {day} of {total}</source>
        <translation>Día {day} de {total}</translation>
    </message>
    <message>
        <source>Session {n} of {total}</source>
        <translation>Sesión {n} de {total}</translation>
    </message>
    <message>
        <source>What is normal now: {phase}</source>
        <translation>Qué es normal ahora: {phase}</translation>
    </message>
    <message>
        <source>Today&apos;s checklist</source>
        <translation>La lista de hoy</translation>
    </message>
    <message>
        <source>Checklist for day {n}, {date}</source>
        <translation>Lista del día {n}, {date}</translation>
    </message>
    <message>
        <source>Day {day}</source>
        <translation>Día {day}</translation>
    </message>
    <message>
        <source>Nothing on the list for this day.</source>
        <translation>No hay nada en la lista para este día.</translation>
    </message>
    <message>
        <source>{n} of {total} done</source>
        <translation>{n} de {total} hechas</translation>
    </message>
    <message>
        <source>Saved ✓</source>
        <translation>Guardado ✓</translation>
    </message>
    <message>
        <source>Saved: not done yet</source>
        <translation>Guardado: todavía sin hacer</translation>
    </message>
</context>
<context>
    <name>TreatmentForm</name>
    <message>
        <source>Treatment date</source>
        <translation>Fecha del tratamiento</translation>
    </message>
    <message>
        <source>Treatment time</source>
        <translation>Hora del tratamiento</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save treatment time</source>
        <translation>Guardar la hora del tratamiento</translation>
    </message>
    <message>
        <source>Change the treatment time</source>
        <translation>Cambiar la hora del tratamiento</translation>
    </message>
    <message>
        <source>When is your treatment?</source>
        <translation>¿Cuándo es su tratamiento?</translation>
    </message>
    <message>
        <source>Pick the day and the time your treatment ended, or the time it is booked for. Times are in {zone}.</source>
        <translation>Elija el día y la hora en que terminó su tratamiento, o la hora para la que está reservado. Las horas son de {zone}.</translation>
    </message>
    <message>
        <source>Type the time like {example}.</source>
        <translation>Escriba la hora así: {example}.</translation>
    </message>
    <message>
        <source>That is more than a year ahead. Pick a date within the next year.</source>
        <translation>Eso es más de un año en el futuro. Elija una fecha dentro del próximo año.</translation>
    </message>
    <message>
        <source>That is more than a year ago. Pick a date within the last year.</source>
        <translation>Eso fue hace más de un año. Elija una fecha dentro del último año.</translation>
    </message>
    <message>
        <source>The clocks went forward at that time, so it did not exist here. Pick a time an hour later.</source>
        <translation>A esa hora se adelantaron los relojes, así que aquí no existió. Elija una hora una hora más tarde.</translation>
    </message>
    <message>
        <source>This computer&apos;s time zone is not known to the app. Check the computer&apos;s time zone setting.</source>
        <translation>La aplicación no conoce la zona horaria de esta computadora. Revise el ajuste de zona horaria de la computadora.</translation>
    </message>
</context>
<context>
    <name>TreatmentsView</name>
    <message>
        <source>Change</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Session {n}: {when}</source>
        <translation>Sesión {n}: {when}</translation>
    </message>
    <message>
        <source>Change session {n}</source>
        <translation>Cambiar la sesión {n}</translation>
    </message>
    <message>
        <source>Delete session {n}</source>
        <translation>Borrar la sesión {n}</translation>
    </message>
    <message>
        <source>My treatments</source>
        <translation>Mis tratamientos</translation>
    </message>
    <message>
        <source>Add a session</source>
        <translation>Agregar una sesión</translation>
    </message>
</context>
<context>
    <name>Visit</name>
    <message>
        <source>Welcome to {clinic}</source>
        <translation>Le damos la bienvenida a {clinic}</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Le damos la bienvenida</translation>
    </message>
    <message>
        <source>Learn about microneedling for acne scars and see what your recovery could look like. Nothing you do here is kept.</source>
        <translation>Aprenda sobre el microneedling para las cicatrices de acné y vea cómo podría ser su recuperación. No se guarda nada de lo que haga aquí.</translation>
    </message>
    <message>
        <source>Learn about microneedling</source>
        <translation>Aprenda sobre el microneedling</translation>
    </message>
    <message>
        <source>What it does, the day itself, aftercare</source>
        <translation>Qué hace, el día del tratamiento, los cuidados</translation>
    </message>
    <message>
        <source>Preview my recovery</source>
        <translation>Ver cómo será mi recuperación</translation>
    </message>
    <message>
        <source>Pick a day and see each step</source>
        <translation>Elija un día y vea cada paso</translation>
    </message>
    <message>
        <source>Warning signs</source>
        <translation>Señales de alarma</translation>
    </message>
    <message>
        <source>When to call the clinic or for help</source>
        <translation>Cuándo llamar a la clínica o pedir ayuda</translation>
    </message>
</context>
<context>
    <name>WarningSignsArea</name>
    <message>
        <source>Warning signs</source>
        <translation>Señales de alarma</translation>
    </message>
    <message>
        <source>When should I get help?</source>
        <translation>¿Cuándo debo pedir ayuda?</translation>
    </message>
    <message>
        <source>Which signs need an emergency call, and which a call to your clinic.</source>
        <translation>Qué señales piden una llamada de emergencia y cuáles una llamada a su clínica.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Le damos la bienvenida</translation>
    </message>
    <message>
        <source>This app explains microneedling for acne scars, helps you get ready for your treatment, and guides your recovery day by day. Where would you like to start?</source>
        <translation>Esta aplicación explica el microneedling para las cicatrices de acné, le ayuda a prepararse para su tratamiento y le guía en su recuperación día a día. ¿Por dónde quiere empezar?</translation>
    </message>
    <message>
        <source>I&apos;m getting ready for a treatment</source>
        <translation>Me estoy preparando para un tratamiento</translation>
    </message>
    <message>
        <source>I&apos;ve had my treatment</source>
        <translation>Ya tuve mi tratamiento</translation>
    </message>
    <message>
        <source>I just want to learn</source>
        <translation>Solo quiero aprender</translation>
    </message>
    <message>
        <source>You can change your mind at any time from the list on the left.</source>
        <translation>Puede cambiar de opinión en cualquier momento desde la lista de la izquierda.</translation>
    </message>
</context>
<context>
    <name>ZoneWords</name>
    <message>
        <source>this computer&apos;s time</source>
        <translation>la hora de esta computadora</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>{city} time</source>
        <translation>hora de {city}</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>For staff: the kiosk started with problems</source>
        <translation>Para el personal: el quiosco se abrió con problemas</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
</context>
</TS>
