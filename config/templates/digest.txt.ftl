<#--
  digest.txt.ftl — plain-text body of the daily digest of RINGAN cases for one region (SPEC §6, §7).
  Its HTML twin is digest.html.ftlh: change both together. The subject is built by the hub.

  Data model. Text values are strings, "-" when absent; a misspelt name stops the digest with an error naming
  this file. There is no reporter data in a digest (it always goes to a regional office, SPEC §9).
    date               the digest's date, "14 September 2024"
    region.{known, code, name, fullName, type, government ("Pemerintah Kabupaten …"),
            head ("Bupati …": the Pejabat Pembina Kepegawaian), personnelOffice ("BKPSDM"/"BKD")}
    count              number of cases
    sharedBasis        regulations every case cites (the ASN law, the joint decree): said once, on top
    cases              list, one per case, each with:
      caseId, incidentDate, incidentDateIsMailDate (boolean: no date in the report; the email's date),
      name (BKN name with titles when verified, else as reported), nip (or "tanpa NIP"), nipLabel ("NIP"/"NI PPPK"),
      hasNip (boolean), bknStatus ("VERIFIED" | "NOT_FOUND" | "NO_NIP"), asnType ("PNS" | "PPPK"; "-" otherwise),
      jabatan, agency, category (label), severity, escalated (boolean), place, description (whole),
      evidence (list of {url, web}), attachments (files of an emailed report, not attached to a digest:
      list of {name, size, attached}), basis.own (its regulations beside sharedBasis), basis.sanction ("-": none),
      related (the id of the first open case about the same person, SPEC §12; "-" when none)
    signature.{unit, address, phone, email}  the Bawaslu unit that signs (hub.mail.signature.*)
    followUp.deadline  "Senin, 28 Oktober 2024 pukul 10.00 WIB": the date every case of the digest is to be reported
                       on by (SPEC §12; the clock starts when the digest is sent);  followUp.related is always "-"
  The deadline stays in the first lines and the reply instructions in the last paragraph: the hub reads a reply to a
  digest by its "Kasus:" and "Status:" lines.
-->
Mohon tindak lanjut setiap kasus di bawah paling lambat ${followUp.deadline}.

Yth. ${region.head}
selaku Pejabat Pembina Kepegawaian ${region.government}
c.q. Kepala ${region.personnelOffice} ${region.fullName}
di tempat

Dengan hormat,

Bersama ini kami sampaikan rekapitulasi harian tanggal ${date} atas ${count} laporan dugaan pelanggaran
netralitas Aparatur Sipil Negara (ASN) dengan tingkat pelanggaran RINGAN di lingkungan ${region.government},
dengan rincian sebagai berikut.
<#if sharedBasis?has_content>

Dasar hukum bagi seluruh kasus di bawah:
<#list sharedBasis as citation>
  - ${citation}
</#list>
</#if>

<#list cases as c>
${c?counter}. ${c.caseId}
  <#if c.related != "-">
   Terkait          : kasus ${c.related} yang telah kami sampaikan sebelumnya (terlapor yang sama);
                      kasus ini tetap ditangani sebagai kasus tersendiri
  </#if>
   Tanggal kejadian : <#if c.incidentDateIsMailDate>tidak disebut dalam laporan; tanggal email: ${c.incidentDate}<#else>${c.incidentDate}</#if>
   Terlapor         : ${c.name}
   ${c.nipLabel?right_pad(17)}: ${c.nip}
  <#if c.bknStatus == "NOT_FOUND">
                      ${c.nipLabel} tidak ditemukan di BKN — perlu verifikasi
  <#elseif c.bknStatus == "NO_NIP">
                      Laporan tidak mencantumkan NIP — identitas perlu diverifikasi
  </#if>
  <#if c.asnType != "-">
   Jenis pegawai    : ASN — ${c.asnType}
  </#if>
   Jabatan          : ${c.jabatan}
   Instansi         : ${c.agency}
   Kategori         : ${c.category}
   Tingkat          : ${c.severity}
   Tempat kejadian  : ${c.place}
   Uraian           :
${c.description}
  <#if c.evidence?has_content>
   Tautan bukti     :
    <#list c.evidence as item>
     - ${item.url}
    </#list>
  </#if>
  <#if c.attachments?has_content>
   Berkas laporan   : tidak dilampirkan pada rekap ini; dapat diminta dengan menyebut nomor kasus
    <#list c.attachments as file>
     - ${file.name} (${file.size})
    </#list>
  </#if>
  <#if !c.evidence?has_content && !c.attachments?has_content>
   Bukti            : laporan tidak menyertakan tautan maupun berkas bukti
  </#if>
   Dasar hukum      :
  <#list c.basis.own as citation>
     - ${citation}
  </#list>
  <#if c.basis.sanction != "-">
   Sanksi bila terbukti: ${c.basis.sanction}
  </#if>

</#list>
PERMOHONAN TINDAK LANJUT

Sesuai kewenangan Bapak/Ibu selaku Pejabat Pembina Kepegawaian, kami mohon Bapak/Ibu:
1. memerintahkan pemeriksaan terhadap setiap terlapor di atas;
2. bila terbukti, menjatuhkan sanksi moral sebagaimana tercantum pada setiap kasus;
3. melaporkan tindak lanjut setiap kasus kepada Bawaslu dan kepada Badan Kepegawaian Negara (BKN),
   dengan mencantumkan nomor kasusnya.

BKN melaksanakan pengawasan netralitas Pegawai ASN sejak tugas Komisi Aparatur Sipil Negara (KASN)
dialihkan berdasarkan UU Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara. Data BKN lengkap dan berkas
laporan suatu kasus dapat diminta dengan membalas email ini.

Identitas para pelapor dirahasiakan untuk melindungi pelapor dari tindakan balasan. Bawaslu menyimpan
identitas tersebut; bila diperlukan untuk pemeriksaan, permintaan disampaikan secara resmi kepada Bawaslu.

Demikian kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih.

Hormat kami,
${signature.unit}
${signature.address}
Telepon ${signature.phone} · Email ${signature.email}

--
Email ini disusun dan dikirim secara otomatis oleh Netralitas Hub atas nama ${signature.unit}.

CARA MENANGGAPI: balas email ini tanpa mengubah subjeknya. Untuk setiap kasus, tulis satu baris
"Kasus: <nomor kasus>" lalu baris-baris statusnya, masing-masing pada barisnya sendiri; beberapa kasus
boleh dijawab dalam satu balasan, satu blok per kasus, misalnya:
  Kasus: ${cases[0].caseId}
  Status: DIPROSES
  Sanksi: <sanksi yang dijatuhkan, bila ada>
  Keterangan: <penjelasan singkat>
Isi Status dengan salah satu dari:
  DITERIMA       — email ini sudah diterima dan akan ditindaklanjuti;
  DIPROSES       — pemeriksaan terhadap terlapor sedang berjalan;
  SELESAI        — pemeriksaan selesai dan sanksi telah dijatuhkan (sebutkan pada baris Sanksi);
  TIDAK TERBUKTI — pemeriksaan selesai dan pelanggaran tidak terbukti.
Lampirkan salinan surat keputusan penjatuhan sanksi bila ada, dengan nomor kasusnya pada nama berkas atau
baris Keterangan. Kirim balasan baru setiap kali status berubah, paling lambat ${followUp.deadline}.
