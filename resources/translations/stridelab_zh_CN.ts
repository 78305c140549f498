<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BuiltinImage</name>
    <message>
        <source>Zone plate 256x256: frequency rises to Nyquist at the edge (aliasing)</source>
        <translation>波带片 256x256：频率向边缘升高到奈奎斯特频率（混叠）</translation>
    </message>
    <message>
        <source>Siemens star 256x256, 36 sectors (resolution and blur)</source>
        <translation>西门子星 256x256，36 个扇区（分辨率与模糊）</translation>
    </message>
    <message>
        <source>Checkerboard 256x256 of 32-pixel squares (edges, shifts)</source>
        <translation>棋盘格 256x256，32 像素的方格（边缘、平移）</translation>
    </message>
    <message>
        <source>Colour ramps 256x256: red across, green down, blue diagonal</source>
        <translation>颜色渐变 256x256：红色横向、绿色纵向、蓝色沿对角线</translation>
    </message>
</context>
<context>
    <name>Colormap</name>
    <message>
        <source>Grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <source>Diverging (blue, white at 0, red)</source>
        <translation>发散色（蓝、0 处为白、红）</translation>
    </message>
</context>
<context>
    <name>DefaultLayers</name>
    <message>
        <source>unknown layer type &quot;%1&quot;</source>
        <translation>未知的层类型 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>needs an earlier max_pool2d</source>
        <translation>需要在前面有一个 max_pool2d 层</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LayerType</name>
    <message>
        <source>Conv2D</source>
        <translation>卷积 Conv2D</translation>
    </message>
    <message>
        <source>MaxPool2D</source>
        <translation>最大池化 MaxPool2D</translation>
    </message>
    <message>
        <source>AvgPool2D</source>
        <translation>平均池化 AvgPool2D</translation>
    </message>
    <message>
        <source>UpSampling2D</source>
        <translation>上采样 UpSampling2D</translation>
    </message>
    <message>
        <source>MaxUnpool2D</source>
        <translation>最大反池化 MaxUnpool2D</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Conv2DTranspose</source>
        <translation>转置卷积 Conv2DTranspose</translation>
    </message>
</context>
<context>
    <name>Normalisation</name>
    <message>
        <source>Per channel</source>
        <translation>按通道</translation>
    </message>
    <message>
        <source>Per layer</source>
        <translation>按层</translation>
    </message>
    <message>
        <source>Fixed range</source>
        <translation>固定范围</translation>
    </message>
</context>
<context>
    <name>ParameterSpec</name>
    <message>
        <source>Padding mode</source>
        <translation>填充模式</translation>
    </message>
    <message>
        <source>(none: Keras pads with zeros)</source>
        <translation>（无：Keras 用零填充）</translation>
    </message>
    <message>
        <source>What fills the padding (PyTorch&apos;s modes).</source>
        <translation>填充区域填入什么值（PyTorch 的模式）。</translation>
    </message>
    <message>
        <source>Output padding</source>
        <translation>输出填充</translation>
    </message>
    <message>
        <source>Extra rows/columns at the bottom/right, to pick one of the sizes a strided convolution maps to the same input size.</source>
        <translation>在底部/右侧额外增加的行/列：带步幅的卷积会把几种尺寸映射到同一输入尺寸，用它选定其中一种。</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>卷积核数</translation>
    </message>
    <message>
        <source>Output channels.</source>
        <translation>输出通道数。</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>Kernel height and width.</source>
        <translation>卷积核的高和宽。</translation>
    </message>
    <message>
        <source>Strides</source>
        <translation>步幅</translation>
    </message>
    <message>
        <source>Step of the kernel between outputs.</source>
        <translation>卷积核在相邻两个输出之间移动的步长。</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Keras &quot;valid&quot;/&quot;same&quot; output sizes, or PyTorch&apos;s explicit p cropped from both ends.</source>
        <translation>Keras 的 &quot;valid&quot;/&quot;same&quot; 输出尺寸，或 PyTorch 的显式 p（从两端裁掉）。</translation>
    </message>
    <message>
        <source>&quot;same&quot; pads as TensorFlow (the extra pixel bottom/right); numbers pad as PyTorch.</source>
        <translation>&quot;same&quot; 按 TensorFlow 的方式填充（多出的一个像素在底部/右侧）；数字按 PyTorch 的方式填充。</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>膨胀率</translation>
    </message>
    <message>
        <source>Spacing between kernel taps.</source>
        <translation>卷积核各采样点之间的间距（空洞卷积）。</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>分组数</translation>
    </message>
    <message>
        <source>Input and output channels split into independent groups.</source>
        <translation>输入和输出通道分成相互独立的若干组（分组卷积）。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>nn.ReLU() after the layer</source>
        <translation>在该层之后接 nn.ReLU()</translation>
    </message>
    <message>
        <source>Applied after the bias.</source>
        <translation>在加上偏置之后应用。</translation>
    </message>
    <message>
        <source>Negative slope</source>
        <translation>负半轴斜率</translation>
    </message>
    <message>
        <source>Slope below zero, for leaky_relu only.</source>
        <translation>小于零部分的斜率，仅用于 leaky_relu。</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Add one learned value per filter.</source>
        <translation>每个卷积核加上一个可学习的值。</translation>
    </message>
    <message>
        <source>Initializer</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <source>Random (seeded, Keras&apos;s distributions) or a fixed image filter.</source>
        <translation>随机初始化（带种子，采用 Keras 的分布）或固定的图像滤波器。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Seed of a random initializer.</source>
        <translation>随机初始化方法的种子。</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Explicit numbers from the file, in PyTorch&apos;s layout.</source>
        <translation>来自文件的显式数值，采用 PyTorch 的布局。</translation>
    </message>
    <message>
        <source>Indices from</source>
        <translation>索引来源</translation>
    </message>
    <message>
        <source>(none in Keras)</source>
        <translation>（Keras 中没有）</translation>
    </message>
    <message>
        <source>The earlier max_pool2d whose recorded positions this layer scatters back to.</source>
        <translation>前面的某个 max_pool2d 层：本层把数值放回它记录下的最大值位置。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (&lt;code&gt;%2&lt;/code&gt;)&lt;br&gt;%3&lt;br&gt;&lt;br&gt;Keras: &lt;code&gt;%4&lt;/code&gt;&lt;br&gt;PyTorch: &lt;code&gt;%5&lt;/code&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（&lt;code&gt;%2&lt;/code&gt;）&lt;br&gt;%3&lt;br&gt;&lt;br&gt;Keras：&lt;code&gt;%4&lt;/code&gt;&lt;br&gt;PyTorch：&lt;code&gt;%5&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Pool size</source>
        <translation>池化窗口大小</translation>
    </message>
    <message>
        <source>Window height and width.</source>
        <translation>窗口的高和宽。</translation>
    </message>
    <message>
        <source>Step between windows; the pool size when not set.</source>
        <translation>相邻窗口之间的步幅；未设置时等于池化窗口大小。</translation>
    </message>
    <message>
        <source>&quot;same&quot; divides by the real elements only (TensorFlow); numbers pad as PyTorch.</source>
        <translation>&quot;same&quot; 只除以真实元素的个数（TensorFlow）；数字按 PyTorch 的方式填充。</translation>
    </message>
    <message>
        <source>Padded positions never win the max.</source>
        <translation>填充的位置永远不会被选为最大值。</translation>
    </message>
    <message>
        <source>Ceil mode</source>
        <translation>向上取整</translation>
    </message>
    <message>
        <source>Round the output size up; a last window starting in the padding is dropped.</source>
        <translation>输出尺寸向上取整；起点落在填充区内的最后一个窗口会被舍弃。</translation>
    </message>
    <message>
        <source>Count padding</source>
        <translation>计入填充</translation>
    </message>
    <message>
        <source>Divide by the whole window (true) or by its real elements.</source>
        <translation>除以整个窗口的大小（true），或只除以窗口内真实元素的个数。</translation>
    </message>
    <message>
        <source>Factors</source>
        <translation>放大倍数</translation>
    </message>
    <message>
        <source>Integer factors per axis.</source>
        <translation>每个轴上的整数倍数。</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>输出尺寸</translation>
    </message>
    <message>
        <source>A fixed [H, W] instead of factors; smaller than the input downsamples without antialiasing.</source>
        <translation>用固定的 [H, W] 代替倍数；小于输入时会下采样，且不做抗混叠。</translation>
    </message>
    <message>
        <source>Interpolation</source>
        <translation>插值方式</translation>
    </message>
    <message>
        <source>nearest_exact is PyTorch&apos;s &quot;nearest-exact&quot;; bicubic uses PyTorch&apos;s a = -0.75.</source>
        <translation>nearest_exact 即 PyTorch 的 &quot;nearest-exact&quot;；bicubic 使用 PyTorch 的 a = -0.75。</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>坐标模式</translation>
    </message>
    <message>
        <source>(TF2 and Keras: half_pixel)</source>
        <translation>（TF2 和 Keras：half_pixel）</translation>
    </message>
    <message>
        <source>Where output pixels sample the input: half_pixel (align_corners=False), align_corners, asymmetric (TF1).</source>
        <translation>输出像素在输入上的采样位置：half_pixel（align_corners=False）、align_corners、asymmetric（TF1）。</translation>
    </message>
</context>
<context>
    <name>PipelineReport</name>
    <message>
        <source>switched off: skipped by the computation</source>
        <translation>已关闭：计算时跳过该层</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::ComputeWorker</name>
    <message>
        <source>the input has shape %1, the analysis expected %2</source>
        <translation>输入的形状为 %1，而分析预期为 %2</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::FeatureMapView</name>
    <message>
        <source>No feature map</source>
        <translation>没有特征图</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::FileController</name>
    <message>
        <source>Images (%1);;NumPy tensors (*.npy)</source>
        <translation>图像 (%1);;NumPy 张量 (*.npy)</translation>
    </message>
    <message>
        <source> (1 switched-off layer saved switched on: the file format has no switch)</source>
        <translation>（1 个已关闭的层按开启状态保存：文件格式不记录开关）</translation>
    </message>
    <message>
        <source> (%1 switched-off layers saved switched on: the file format has no switch)</source>
        <translation>（%1 个已关闭的层按开启状态保存：文件格式不记录开关）</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>打开流水线</translation>
    </message>
    <message>
        <source>StrideLab pipelines (*.stridelab.json *.json)</source>
        <translation>StrideLab 流水线 (*.stridelab.json *.json)</translation>
    </message>
    <message>
        <source>&amp;Open Pipeline...</source>
        <translation>打开流水线(&amp;O)...</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Open &amp;Image...</source>
        <translation>打开图像(&amp;I)...</translation>
    </message>
    <message>
        <source>&amp;Built-in Images</source>
        <translation>内置图像(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <source>Teaching demos</source>
        <translation>教学演示</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As...</source>
        <translation>另存为(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Export the summary table</source>
        <translation>导出汇总表</translation>
    </message>
    <message>
        <source>Markdown (*.md);;CSV (*.csv);;LaTeX (*.tex)</source>
        <translation>Markdown (*.md);;CSV (*.csv);;LaTeX (*.tex)</translation>
    </message>
    <message>
        <source>Summary &amp;Table...</source>
        <translation>汇总表(&amp;T)...</translation>
    </message>
    <message>
        <source>Export code</source>
        <translation>导出代码</translation>
    </message>
    <message>
        <source>Python (*.py)</source>
        <translation>Python (*.py)</translation>
    </message>
    <message>
        <source>&amp;PyTorch Code...</source>
        <translation>PyTorch 代码(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Keras Code...</source>
        <translation>Keras 代码(&amp;K)...</translation>
    </message>
    <message>
        <source>Cannot open the pipeline</source>
        <translation>无法打开流水线</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Cannot use the image</source>
        <translation>无法使用该图像</translation>
    </message>
    <message>
        <source>Input: %1</source>
        <translation>输入：%1</translation>
    </message>
    <message>
        <source>The clipboard holds no image</source>
        <translation>剪贴板中没有图像</translation>
    </message>
    <message>
        <source>Cannot store the pasted image in %1</source>
        <translation>无法把粘贴的图像保存到 %1</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save pipeline</source>
        <translation>保存流水线</translation>
    </message>
    <message>
        <source>StrideLab pipelines (*.stridelab.json)</source>
        <translation>StrideLab 流水线 (*.stridelab.json)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to &quot;%1&quot;?</source>
        <translation>是否保存对“%1”的更改？</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::HistogramPlot</name>
    <message>
        <source>Log count</source>
        <translation>对数计数</translation>
    </message>
    <message>
        <source>Logarithmic count axis: shows the rare values in the tails</source>
        <translation>计数轴取对数：显示分布尾部的少见值</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>binning %L1 values...</source>
        <translation>正在对 %L1 个值分箱...</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>1 value</source>
        <translation>1 个值</translation>
    </message>
    <message>
        <source>%1 values</source>
        <translation>%1 个值</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::KernelEditor</name>
    <message>
        <source>kernel[row %1][column %2]</source>
        <translation>卷积核[第 %1 行][第 %2 列]</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::LayerStackModel</name>
    <message>
        <source>shape only</source>
        <translation>仅形状</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>output %1</source>
        <translation>输出 %1</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::LayerStackPanel</name>
    <message>
        <source>&amp;Add Layer</source>
        <translation>添加层(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove Layer</source>
        <translation>删除层(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Duplicate Layer</source>
        <translation>复制层(&amp;D)</translation>
    </message>
    <message>
        <source>Move Layer &amp;Up</source>
        <translation>上移层(&amp;U)</translation>
    </message>
    <message>
        <source>Move Layer Do&amp;wn</source>
        <translation>下移层(&amp;W)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected layer (Delete)</source>
        <translation>删除选中的层 (Delete)</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Insert a copy after the selected layer (Ctrl+D)</source>
        <translation>在选中的层之后插入一个副本 (Ctrl+D)</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move the selected layer up (Alt+Up)</source>
        <translation>把选中的层上移 (Alt+Up)</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the selected layer down (Alt+Down)</source>
        <translation>把选中的层下移 (Alt+Down)</translation>
    </message>
    <message>
        <source>Add ▾</source>
        <translation>添加 ▾</translation>
    </message>
    <message>
        <source>Add a layer after the selected one</source>
        <translation>在选中的层之后添加一层</translation>
    </message>
    <message>
        <source>Downsampling</source>
        <translation>下采样</translation>
    </message>
    <message>
        <source>Upsampling</source>
        <translation>上采样</translation>
    </message>
    <message>
        <source>Keras: %1
PyTorch: %2</source>
        <translation>Keras：%1
PyTorch：%2</translation>
    </message>
    <message>
        <source>%1 %2
%3</source>
        <translation>%1 %2
%3</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::MainWindow</name>
    <message>
        <source>(C, H, W)  PyTorch</source>
        <translation>(C, H, W)  PyTorch</translation>
    </message>
    <message>
        <source>(None, H, W, C)  Keras</source>
        <translation>(None, H, W, C)  Keras</translation>
    </message>
    <message>
        <source>channel %1, row %2, column %3: %4</source>
        <translation>通道 %1，第 %2 行，第 %3 列：%4</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>profile marker at input column %1</source>
        <translation>剖面标记位于输入的第 %1 列</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Switch Layer &amp;Off</source>
        <translation>关闭该层(&amp;O)</translation>
    </message>
    <message>
        <source>Skip the selected layer in the computation (the file still holds it)</source>
        <translation>计算时跳过选中的层（文件中仍保留该层）</translation>
    </message>
    <message>
        <source>&amp;Paste Image</source>
        <translation>粘贴图像(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Shape &amp;notation</source>
        <translation>形状表示法(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Colour map</source>
        <translation>颜色映射(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Normalisation</source>
        <translation>归一化(&amp;O)</translation>
    </message>
    <message>
        <source>Show 3-channel maps as &amp;RGB</source>
        <translation>将 3 通道特征图显示为 RGB(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Large fonts, high contrast, no editing panels; arrow keys step through the layers, Esc leaves</source>
        <translation>大字体、高对比度、隐藏编辑面板；方向键逐层切换，Esc 退出</translation>
    </message>
    <message>
        <source>&amp;Fit Maps to the View</source>
        <translation>特征图适应视图(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About StrideLab</source>
        <translation>关于 StrideLab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;StrideLab %1&lt;/h3&gt;&lt;p&gt;See, and teach, how convolutional networks shrink and grow images: every feature map and output shape computed exactly as PyTorch and Keras/TensorFlow do.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later. Built with Qt %2, Eigen and QCustomPlot.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;StrideLab %1&lt;/h3&gt;&lt;p&gt;观察并讲解卷积神经网络如何缩小和放大图像：每个特征图和输出形状都与 PyTorch 和 Keras/TensorFlow 的计算结果完全一致。&lt;/p&gt;&lt;p&gt;以 GPL-3.0-or-later 许可发布。使用 Qt %2、Eigen 和 QCustomPlot 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;About StrideLab</source>
        <translation>关于 StrideLab(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Shapes only: open an image to see the feature maps</source>
        <translation>仅有形状：打开一幅图像即可查看特征图</translation>
    </message>
    <message>
        <source>Computing...</source>
        <translation>正在计算...</translation>
    </message>
    <message>
        <source>Computed in %1 ms · feature maps %2</source>
        <translation>计算用时 %1 ms · 特征图占用 %2</translation>
    </message>
    <message>
        <source>Not computed: %1</source>
        <translation>未计算：%1</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>No feature map yet</source>
        <translation>尚无特征图</translation>
    </message>
    <message>
        <source>Values of %1</source>
        <translation>%1 的数值</translation>
    </message>
    <message>
        <source>unsaved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::ParameterEditor</name>
    <message>
        <source>Set this parameter (otherwise its default applies)</source>
        <translation>设置此参数（否则使用默认值）</translation>
    </message>
    <message>
        <source>Height and width linked</source>
        <translation>高和宽联动</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>explicit</source>
        <translation>显式</translation>
    </message>
    <message>
        <source>top</source>
        <translation>上</translation>
    </message>
    <message>
        <source>bottom</source>
        <translation>下</translation>
    </message>
    <message>
        <source>left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>right</source>
        <translation>右</translation>
    </message>
    <message>
        <source>height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>sigma auto</source>
        <translation>sigma 自动</translation>
    </message>
    <message>
        <source>sigma </source>
        <translation>sigma </translation>
    </message>
    <message>
        <source>from the initializer</source>
        <translation>来自初始化方法</translation>
    </message>
    <message>
        <source>inline numbers</source>
        <translation>内嵌数值</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::PipelineDocument</name>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>将 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation>复制 %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>Switch on %1</source>
        <translation>开启 %1</translation>
    </message>
    <message>
        <source>Switch off %1</source>
        <translation>关闭 %1</translation>
    </message>
    <message>
        <source>Change the input</source>
        <translation>更改输入</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::ProfilePlot</name>
    <message>
        <source>input x (pixels)</source>
        <translation>输入 x（像素）</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Row profile</source>
        <translation>行剖面</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source> (ch %1)</source>
        <translation>（通道 %1）</translation>
    </message>
    <message>
        <source> (mean of %1 ch)</source>
        <translation>（%1 个通道的均值）</translation>
    </message>
    <message>
        <source>Row %1 of input (%2×%3)</source>
        <translation>输入的第 %1 行（%2×%3）</translation>
    </message>
    <message>
        <source>%1 (ch %2)</source>
        <translation>%1（通道 %2）</translation>
    </message>
    <message>
        <source> · row %1 of %2 (%3×%4)</source>
        <translation> · %2 的第 %1 行（%3×%4）</translation>
    </message>
    <message>
        <source>%1 value</source>
        <translation>%1 的数值</translation>
    </message>
    <message>
        <source>input value</source>
        <translation>输入数值</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>x = %1</source>
        <translation>x = %1</translation>
    </message>
    <message>
        <source>input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>%1 %2 (x = %3)</source>
        <translation>%1 %2（x = %3）</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::PropertiesPanel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The layer&apos;s name: unique, used by indices_from and in file names of `stridelab run`</source>
        <translation>层的名称：必须唯一，indices_from 和 `stridelab run` 输出的文件名都会用到它</translation>
    </message>
    <message>
        <source>&lt;b&gt;Input&lt;/b&gt;</source>
        <translation>&lt;b&gt;输入&lt;/b&gt;</translation>
    </message>
    <message>
        <source>in</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>out</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>The kernel the layer computes with (from its initializer or its weights). Typing a number stores the whole kernel as explicit weights.</source>
        <translation>该层计算时使用的卷积核（来自初始化方法或其权重）。输入任一数值后，整个卷积核会保存为显式权重。</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Shape %1 &amp;nbsp; Keras %2</source>
        <translation>形状 %1 &amp;nbsp; Keras %2</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>top %1, bottom %2, left %3, right %4</source>
        <translation>上 %1，下 %2，左 %3，右 %4</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>乘加次数 (MACs)</translation>
    </message>
    <message>
        <source>Receptive field</source>
        <translation>感受野</translation>
    </message>
    <message>
        <source>Jump</source>
        <translation>累积步幅</translation>
    </message>
    <message>
        <source>A name must not be empty.</source>
        <translation>名称不能为空。</translation>
    </message>
    <message>
        <source>&quot;input&quot; is reserved for the pipeline&apos;s input.</source>
        <translation>&quot;input&quot; 是流水线输入的保留名称。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already the name of another layer.</source>
        <translation>&quot;%1&quot; 已经是另一个层的名称。</translation>
    </message>
</context>
</TS>
