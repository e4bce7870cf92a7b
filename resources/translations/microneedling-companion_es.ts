<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Today, {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday, {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomorrow, {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microneedling aftercare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treatment: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{clinic}: {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General information. Follow your clinic&apos;s instructions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutScreen</name>
    <message>
        <source>About this app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app gives general information about microneedling for acne scars. It does not replace your clinic. Always follow the instructions your clinic gives you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your data is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is saved on this display. What you enter here is forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data stays on this computer, in this folder: {folder}. Nothing is sent over the internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A log of what the app did, without anything you typed, is kept in {file}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>selected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Aftercare</name>
    <message>
        <source>Aftercare finished on {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep using sunscreen every day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>The app is already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another copy of the app is already open with your data, but it is not answering. Switch to its window. If you cannot find it, wait a minute and start the app again, or restart the computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk that holds your data ({folder}) is full, so the app cannot start. Free some space, then start the app again. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app cannot write in its data folder ({folder}), so it cannot start: the folder or its disk is read-only, or you may not write there. Make it writable, or choose another folder with --data-dir, then start the app again. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app could not create its lock file in its data folder ({folder}), so it cannot start. Check that the disk is connected and has space, then start the app again. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some clinic settings in {file} could not be used. The app uses its own defaults for those and carries on. What needs fixing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic settings have mistakes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content could not be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app cannot use the folder for your data: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttractLoop</name>
    <message>
        <source>Highlights about microneedling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touch the screen to start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInCard</name>
    <message>
        <source>No call needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See all warning signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer: {word}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic phone: {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clinic&apos;s phone number is on the papers they gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of hours: {phone}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInHistory</name>
    <message>
        <source>Your check-ins so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your past check-ins will show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a summary for your clinic (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day {n}: {answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{symptom} by day: {days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{symptom} trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last: {answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day {n}, {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{symptom}: {answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes: {question}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a summary for your clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {file}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInPanel</name>
    <message>
        <source>Your note for today (if you want one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note for today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{question}: {answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{question} {answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A note can be up to %Ln characters. The rest was not kept.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Saved ✓</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInSummary</name>
    <message>
        <source>My skin check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For {clinic}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treatment: {date}, {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made on {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No check-ins yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These are the patient&apos;s own answers in the Microneedling Companion app. The levels follow the warning signs in the app. They are not a diagnosis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day {n}: {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{symptom}: {answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes: {question}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning questions: {yes} yes, {no} no, {skipped} not answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: no call needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: {level}. {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answers this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClinicSetting</name>
    <message>
        <source>Your clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app shows your clinic&apos;s phone numbers with the warning signs, on Today and in the handout and calendar file you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clinic&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clinic&apos;s phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After-hours phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clinic&apos;s after-hours phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by your clinic&apos;s setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>That is too long: use at most %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Write the name in plain words, without &lt; or &gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number needs some digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use digits, spaces and + ( ) - only, like +1 (555) 010-0123.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Content</name>
    <message>
        <source>{phone} (after hours: {after_hours})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your clinic&apos;s phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The content from {folder} could not be used, so the app shows its own built-in content instead. What needs fixing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some content had problems and was left out. What needs fixing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic phone: {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of hours: {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your clinic&apos;s phone in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayNavigator</name>
    <message>
        <source>Previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayPreview</name>
    <message>
        <source>Preview a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day {day} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} (today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What&apos;s normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your checklist that day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing extra to do that day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app ran into a problem it did not expect. Your saved data is safe. You can keep using the app. If this keeps happening, copy the report below and send it to the people who support the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message numerus="yes">
        <source>%n days {hours} h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{subject} in {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date}, {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From about {time} on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from about {time} on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{subject}: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: {when}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GettingReadyList</name>
    <message>
        <source>On the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {date} (the day before)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>From {date} (%n days before)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Your aftercare plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your treatment: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print your aftercare plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone: {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone: {blank}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When can I do things again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day 1 is the day of your treatment, {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From day {day}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep using sunscreen every day, through your whole course of treatment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days {days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is normal?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{phase}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic phone: {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of hours: {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic phone: {blank}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General information. Follow your clinic&apos;s instructions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content last reviewed: {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep using sunscreen every day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Ask at the desk for the clinic&apos;s phone number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Clinic phone: {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the start screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic logo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LearnArea</name>
    <message>
        <source>Learn about microneedling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back: previous screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents: list of all screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What would you like to know?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous screen in Learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next screen in Learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up your recovery</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit the app</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NextSessionCard</name>
    <message>
        <source>Add the next session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session {n} is booked for {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session {n} is due around {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session {n} was due around {date}. Add it when you have had it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add session {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff: enter the PIN to close the kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kiosk has no staff PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It cannot be closed from the screen. Set a PIN with the set-kiosk-pin command, or stop the kiosk from the computer itself (see the setup guide).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Digits entered: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewArea</name>
    <message>
        <source>Preview my recovery</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPicker</name>
    <message>
        <source>When is your treatment?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the day and time of your treatment, past or coming. You will see what to do each day and when each step ends. Nothing you pick is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One day earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One day later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half an hour earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half an hour later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show my recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clocks change at that time, so it does not exist. Pick another time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewResult</name>
    <message>
        <source>Your recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All the dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take it home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If your treatment is on {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you were treated on {when}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>Delete a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete session {n}? Its checklist ticks and notes are deleted with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the same day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n days later</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days earlier</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>You already have a session on {day}. Put this one {gap}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You already have a session on {day}. Add another {gap}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions close together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryArea</name>
    <message>
        <source>My recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the app when you had your treatment. It will then show what to do each day, count down to when you can wear makeup or work out again, and remind you while it is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My treatments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When is your treatment?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When was your treatment?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegionSetting</name>
    <message>
        <source>Your region (for the emergency number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your region, for the emergency number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app shows this number wherever it says to call for an emergency. Check it when you travel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other (use your local emergency number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency number: {number}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Today&apos;s aftercare</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Things on today&apos;s checklist: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Getting ready</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size: {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast (yellow on black)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours: {theme}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduce motion (no fades or moving slides)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduce motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the app when I log in to this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the app when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders only appear while the app is open, so this helps you get them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not work: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffCorner</name>
    <message>
        <source>Staff: press and hold for five seconds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StillThere</name>
    <message>
        <source>Still there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, I&apos;m still here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Going back to the start in {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreOpen</name>
    <message>
        <source>Saved data from a newer version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved data cannot be opened right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved data was repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup was made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some of your most recent changes could not be read because part of your saved data was damaged. Everything saved before them is here. A copy of the damaged files has been kept, unchanged, as {name} in your data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved data could not be read because the file was damaged. The damaged file has been kept, unchanged, as {name} in your data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup was found, so the app has started with empty data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data was restored from a backup made on {when}. Anything you changed after that time is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: free some space, then start the app again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data folder {folder} is read-only, so the app cannot save anything there. Make it writable, or start the app with --data-dir and another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app is not allowed to read or write your data folder {folder}. Check that the folder and the files in it belong to you, then start the app again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved data in {folder} is in use by another program. Close it, or wait a moment, then start the app again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved data in {folder} could not be read because of a problem with the disk. Check the disk, then start the app again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved data has not been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the app is not allowed to write there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder is in use by another program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of a problem with the disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app could not save a backup of your data in {folder} because {why}. Your data is safe and the app works as usual, but until this is fixed there is no fresh copy to go back to if the file is ever damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreWrites</name>
    <message>
        <source>Not saved: the disk is full. Free some space, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: your data file is read-only. Make your data folder writable again, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: another program is using your data file. Wait a moment, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: your data file could not be written. Check the disk, then try again. If it keeps happening, restart the app.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakeHome</name>
    <message>
        <source>Take it home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a calendar file (.ics) to open in Outlook, Apple Calendar or Google Calendar: every date, each with a reminder. Or keep a printed copy of your plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a calendar file (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a calendar file (.ics) to open in Outlook, Apple Calendar or Google Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save handout as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print handout…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save calendar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {file}. Open it to add the dates to Outlook or Apple Calendar; in Google Calendar, choose Settings, then Import &amp; export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save handout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakeHomeCode</name>
    <message>
        <source>QR code with your key dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take it home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point your phone&apos;s camera at the code. It shows your key dates and the clinic&apos;s phone number as plain text, to save or share. It has no name in it, and nothing is sent anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print my aftercare plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask at the front desk for a printed copy of your plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the printer. Collect it at the front desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer is not available. Ask at the front desk for a copy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <source>Picture for: {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date}, {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due around {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayStates</name>
    <message numerus="yes">
        <source>Your treatment is in %n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Your treatment is more than a year away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your treatment is on {when}. That is more than a year after this computer&apos;s date: check the computer&apos;s clock and date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your treatment is today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your treatment is tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item} (until about {time})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{milestone} (since about {time})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the day of your treatment this screen turns into your recovery: what to do each day and when you can wear makeup or work out again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is normal now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day {day} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is normal now: {phase}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist for day {n}, {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing on the list for this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} of {total} done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: not done yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TreatmentForm</name>
    <message>
        <source>Treatment date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treatment time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save treatment time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the treatment time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When is your treatment?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the day and the time your treatment ended, or the time it is booked for. Times are in {zone}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the time like {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is more than a year ahead. Pick a date within the next year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is more than a year ago. Pick a date within the last year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clocks went forward at that time, so it did not exist here. Pick a time an hour later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s time zone is not known to the app. Check the computer&apos;s time zone setting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TreatmentsView</name>
    <message>
        <source>My treatments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session {n}: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change session {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete session {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Visit</name>
    <message>
        <source>Welcome to {clinic}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn about microneedling for acne scars and see what your recovery could look like. Nothing you do here is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn about microneedling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it does, the day itself, aftercare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview my recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a day and see each step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When to call the clinic or for help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WarningSignsArea</name>
    <message>
        <source>Warning signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When should I get help?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which signs need an emergency call, and which a call to your clinic.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app explains microneedling for acne scars, helps you get ready for your treatment, and guides your recovery day by day. Where would you like to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;m getting ready for a treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;ve had my treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I just want to learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can change your mind at any time from the list on the left.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZoneWords</name>
    <message>
        <source>this computer&apos;s time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{city} time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>For staff: the kiosk started with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
