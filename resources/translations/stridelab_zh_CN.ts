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
    <name>Diagram</name>
    <message>
        <source>to scale</source>
        <translation>按实际比例绘制</translation>
    </message>
    <message>
        <source>on a square-root scale (4 times the size is drawn twice as long)</source>
        <translation>按平方根比例绘制（尺寸为 4 倍时画成 2 倍长）</translation>
    </message>
    <message>
        <source>on a log scale (each halving is drawn a fixed step shorter)</source>
        <translation>按对数比例绘制（尺寸每减半，画出的长度就缩短固定的一段）</translation>
    </message>
    <message>
        <source>%1 colour map over the fixed range %2 to %3</source>
        <translation>%1 颜色映射，固定范围 %2 到 %3</translation>
    </message>
    <message>
        <source>%1 colour map, normalised %2</source>
        <translation>%1 颜色映射，%2归一化</translation>
    </message>
    <message>
        <source>Each stack is one feature map: its first channels as cards, channel 0 in front, up to %1%2; height and width %3. Values: %4. The frame colour says which kind of layer made the map.</source>
        <translation>每一叠代表一个特征图：前几个通道画成一张张卡片，通道 0 在最前，最多 %1 张%2；高和宽均%3。数值：%4。边框颜色表示该特征图由哪类层生成。</translation>
    </message>
    <message>
        <source> (3-channel maps as one RGB picture)</source>
        <translation>（3 通道特征图合成一幅 RGB 图像）</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>made by a downsampling layer (%1)</source>
        <translation>由下采样层生成（%1）</translation>
    </message>
    <message>
        <source>made by an upsampling layer (%1)</source>
        <translation>由上采样层生成（%1）</translation>
    </message>
    <message>
        <source>Each block is one feature map: its height is H and its depth W, %1; its width grows with the channels C (log scale). The numbers on the edges are the exact sizes; the arrows give each layer&apos;s type and parameters.</source>
        <translation>每个方块代表一个特征图：高为 H，纵深为 W，均%1；宽度随通道数 C 增长（对数比例）。边上的数字是确切尺寸；箭头标出每层的类型和参数。</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
</context>
<context>
    <name>FrameworkPanel</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Keras</source>
        <translation>Keras</translation>
    </message>
    <message>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
</context>
<context>
    <name>InputAdmission</name>
    <message>
        <source>%1 is %2 x %3 pixels: reading it would take %4, more than the memory budget of %5.

Resize it in an image editor first, or raise the budget in Edit &gt; Preferences.</source>
        <translation>%1 为 %2 x %3 像素：读取它需要 %4，超过了 %5 的内存预算。

请先在图像编辑器中缩小它，或在“编辑 &gt; 首选项”中提高预算。</translation>
    </message>
    <message>
        <source>The feature maps of this %1 x %2 input would need %3, more than the memory budget of %4.

Use a smaller input, or raise the budget in Edit &gt; Preferences.</source>
        <translation>这个 %1 x %2 输入的特征图需要 %3，超过了 %4 的内存预算。

请使用更小的输入，或在“编辑 &gt; 首选项”中提高预算。</translation>
    </message>
    <message>
        <source>The feature maps of this %1 x %2 image would need %3, more than the memory budget of %4.

Downscale it to %5 x %6 (the same aspect ratio; its feature maps then need %7)?</source>
        <translation>这张 %1 x %2 图像的特征图需要 %3，超过了 %4 的内存预算。

要把它缩小到 %5 x %6 吗（宽高比不变；特征图届时需要 %7）？</translation>
    </message>
    <message>
        <source>&amp;Downscale</source>
        <translation>缩小(&amp;D)</translation>
    </message>
    <message>
        <source>The image was not used: its feature maps would need %1, more than the memory budget of %2</source>
        <translation>未使用该图像：它的特征图需要 %1，超过了 %2 的内存预算</translation>
    </message>
    <message>
        <source>Cannot use the image</source>
        <translation>无法使用该图像</translation>
    </message>
    <message>
        <source>Image too large</source>
        <translation>图像过大</translation>
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
    <name>OverwritePrompt</name>
    <message>
        <source>&amp;Replace</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <source>Replace the existing file?</source>
        <translation>替换现有文件？</translation>
    </message>
    <message>
        <source>%1 already exists in %2.

Replace it?</source>
        <translation>%2 中已存在 %1。

要替换它吗？</translation>
    </message>
    <message>
        <source>%1 already holds files named like %2 (%3 and %4 more).

Replace them?</source>
        <translation>%1 中已有名称形如 %2 的文件（%3 及另外 %4 个）。

要替换它们吗？</translation>
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
    <name>StepCaption</name>
    <message>
        <source>output %1 = sum of %2 products (%3 on padding) = %4</source>
        <translation>输出 %1 = %2 个乘积之和（其中 %3 个落在填充上）= %4</translation>
    </message>
    <message>
        <source>output %1 = sum of %2 products = %3</source>
        <translation>输出 %1 = %2 个乘积之和 = %3</translation>
    </message>
    <message>
        <source>; with bias and activation %1</source>
        <translation>；加上偏置并经过激活函数后为 %1</translation>
    </message>
    <message>
        <source>output %1 = max of 1 value = %2</source>
        <translation>输出 %1 = 1 个值中的最大值 = %2</translation>
    </message>
    <message>
        <source>output %1 = max of %2 values = %3</source>
        <translation>输出 %1 = %2 个值中的最大值 = %3</translation>
    </message>
    <message>
        <source> (%1 cells beyond the input skipped)</source>
        <translation>（跳过输入范围外的 %1 个位置）</translation>
    </message>
    <message>
        <source>output %1 = %2 / %3 = %4</source>
        <translation>输出 %1 = %2 / %3 = %4</translation>
    </message>
    <message>
        <source> (the %1 padding zeros count)</source>
        <translation>（%1 个填充的零也计入）</translation>
    </message>
    <message>
        <source> (%1 cells outside the input not counted)</source>
        <translation>（输入范围外的 %1 个位置不计入）</translation>
    </message>
    <message>
        <source>every output cell received %1 contributions: an even overlap</source>
        <translation>每个输出位置都收到 %1 份贡献：重叠是均匀的</translation>
    </message>
    <message>
        <source>output cells received %1 or %2 contributions: the uneven overlap makes the checkerboard</source>
        <translation>输出位置收到 %1 或 %2 份贡献：重叠不均匀，由此产生棋盘格伪影</translation>
    </message>
    <message>
        <source>input %1 = %2 adds %2 × kernel to 1 output cell</source>
        <translation>输入 %1 = %2：把 %2 × 卷积核累加到 1 个输出位置</translation>
    </message>
    <message>
        <source>input %1 = %2 adds %2 × kernel to %3 output cells</source>
        <translation>输入 %1 = %2：把 %2 × 卷积核累加到 %3 个输出位置</translation>
    </message>
    <message>
        <source> (%1 cropped away)</source>
        <translation>（其中 %1 个被裁掉）</translation>
    </message>
    <message>
        <source>input %1 = %2 goes to output %3, where the max pool found it</source>
        <translation>输入 %1 = %2 放回输出 %3，即最大池化找到它的位置</translation>
    </message>
    <message>
        <source> (replacing an earlier value)</source>
        <translation>（覆盖了先前的值）</translation>
    </message>
    <message>
        <source>output %1 samples %2: element %3 = %4</source>
        <translation>输出 %1 在 %2 处采样：取元素 %3 = %4</translation>
    </message>
    <message>
        <source>output %1 samples %2: %3 taps, weighted sum = %4</source>
        <translation>输出 %1 在 %2 处采样：%3 个采样点，加权和 = %4</translation>
    </message>
    <message>
        <source>input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>small input %1 (the layer&apos;s input is %2)</source>
        <translation>小尺寸输入 %1（该层的实际输入为 %2）</translation>
    </message>
    <message>
        <source>, from a max pool of values 1..%1 shuffled</source>
        <translation>，来自对打乱顺序的数值 1..%1 做的最大池化</translation>
    </message>
    <message>
        <source>, values 1..%1 shuffled</source>
        <translation>，数值 1..%1（已打乱顺序）</translation>
    </message>
    <message>
        <source>, values 1..%1</source>
        <translation>，数值 1..%1</translation>
    </message>
    <message>
        <source> in channel 0 (the other %1 are zeros)</source>
        <translation>，位于通道 0（其余 %1 个通道全为零）</translation>
    </message>
    <message>
        <source>; output channel 0 of %1</source>
        <translation>；显示 %1 个输出通道中的通道 0</translation>
    </message>
    <message>
        <source>; %1 padding</source>
        <translation>；填充模式 %1</translation>
    </message>
    <message>
        <source>; %1 coordinates</source>
        <translation>；坐标模式 %1</translation>
    </message>
</context>
<context>
    <name>StepFigure</name>
    <message>
        <source>output (cropped cells hatched)</source>
        <translation>输出（斜线格为被裁掉的部分）</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>input (border repeated, hatched)</source>
        <translation>输入（斜线格为重复的边界）</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>input (padding hatched, dashed: past the end)</source>
        <translation>输入（斜线格为填充，虚线格超出末端）</translation>
    </message>
    <message>
        <source>input (dashed: past the end)</source>
        <translation>输入（虚线格超出末端）</translation>
    </message>
    <message>
        <source>input (padding hatched)</source>
        <translation>输入（斜线格为填充）</translation>
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
    <name>stridelab::ui::ComparisonPanel</name>
    <message>
        <source>Pin A</source>
        <translation>固定 A</translation>
    </message>
    <message>
        <source>Keep a copy of map A to compare with after changing the pipeline</source>
        <translation>保存特征图 A 的副本，以便修改流水线后进行对比</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B (reference)</source>
        <translation>B（参考）</translation>
    </message>
    <message>
        <source>A − B</source>
        <translation>A − B</translation>
    </message>
    <message>
        <source>No map</source>
        <translation>无特征图</translation>
    </message>
    <message>
        <source>pinned: %1</source>
        <translation>已固定：%1</translation>
    </message>
    <message>
        <source>Choose two computed maps.</source>
        <translation>请选择两个已计算的特征图。</translation>
    </message>
    <message>
        <source>Not comparable: %1.</source>
        <translation>无法比较：%1。</translation>
    </message>
    <message>
        <source>PSNR undefined (B is constant)</source>
        <translation>PSNR 无定义（B 为常数）</translation>
    </message>
    <message>
        <source>identical (PSNR ∞)</source>
        <translation>完全相同（PSNR ∞）</translation>
    </message>
    <message>
        <source>PSNR %1 dB</source>
        <translation>PSNR %1 dB</translation>
    </message>
    <message>
        <source>%1 · MSE %2 · max |A − B| %3 · peak (range of B) %4</source>
        <translation>%1 · MSE %2 · 最大 |A − B| %3 · 峰值（B 的取值范围）%4</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::ComputeWorker</name>
    <message>
        <source>the input has shape %1, the analysis expected %2</source>
        <translation>输入的形状为 %1，而分析预期为 %2</translation>
    </message>
    <message>
        <source>the feature maps need %1, more than the memory budget of %2: use a smaller input, or raise the budget in Edit &gt; Preferences</source>
        <translation>特征图需要 %1，超过了 %2 的内存预算：请使用更小的输入，或在“编辑 &gt; 首选项”中提高预算</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::DiagramExportDialog</name>
    <message>
        <source>Export Diagram</source>
        <translation>导出示意图</translation>
    </message>
    <message>
        <source>Blocks drawn to scale</source>
        <translation>按比例绘制的方块</translation>
    </message>
    <message>
        <source>Rendered feature maps</source>
        <translation>渲染的特征图</translation>
    </message>
    <message>
        <source>The feature maps are not computed (yet)</source>
        <translation>特征图尚未计算</translation>
    </message>
    <message>
        <source>&amp;Style:</source>
        <translation>样式(&amp;S)：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>To scale (linear)</source>
        <translation>按实际比例（线性）</translation>
    </message>
    <message>
        <source>Square root</source>
        <translation>平方根</translation>
    </message>
    <message>
        <source>Logarithmic</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>How a map&apos;s height and width become lengths in the figure</source>
        <translation>特征图的高和宽如何换算成图中的长度</translation>
    </message>
    <message>
        <source>Si&amp;ze scale:</source>
        <translation>尺寸比例(&amp;Z)：</translation>
    </message>
    <message>
        <source>&amp;Downsampling layers:</source>
        <translation>下采样层(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Upsampling layers:</source>
        <translation>上采样层(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Input:</source>
        <translation>输入(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Background:</source>
        <translation>背景(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Text and arrows:</source>
        <translation>文字和箭头(&amp;T)：</translation>
    </message>
    <message>
        <source>Reset C&amp;olours</source>
        <translation>重置颜色(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation>字号(&amp;F)：</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>PNG only: pixels per inch; the size in inches stays the same</source>
        <translation>仅用于 PNG：每英寸的像素数；以英寸计的尺寸保持不变</translation>
    </message>
    <message>
        <source>Reso&amp;lution (PNG):</source>
        <translation>分辨率（PNG）(&amp;L)：</translation>
    </message>
    <message>
        <source>diagram.svg, .pdf or .png</source>
        <translation>diagram.svg、.pdf 或 .png</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>浏览(&amp;B)...</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>文件(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>选择颜色</translation>
    </message>
    <message>
        <source>Export the diagram</source>
        <translation>导出示意图</translation>
    </message>
    <message>
        <source>SVG (*.svg);;PDF (*.pdf);;PNG image (*.png)</source>
        <translation>SVG (*.svg);;PDF (*.pdf);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Choose a file to export to</source>
        <translation>选择要导出到的文件</translation>
    </message>
    <message>
        <source>Cannot export the diagram</source>
        <translation>无法导出示意图</translation>
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
    <message>
        <source>&amp;Diagram...</source>
        <translation>示意图(&amp;D)...</translation>
    </message>
    <message>
        <source>Step-through as &amp;GIF...</source>
        <translation>逐步演示为 GIF(&amp;G)...</translation>
    </message>
    <message>
        <source>Export the step-through of the selected layer</source>
        <translation>导出选中层的逐步演示</translation>
    </message>
    <message>
        <source>GIF (*.gif)</source>
        <translation>GIF (*.gif)</translation>
    </message>
    <message>
        <source>Step-through as PNG &amp;Frames...</source>
        <translation>逐步演示为 PNG 帧序列(&amp;F)...</translation>
    </message>
    <message>
        <source>Folder for the step-through frames (frame_000.png, ...)</source>
        <translation>存放逐步演示各帧的文件夹（frame_000.png, ...）</translation>
    </message>
    <message>
        <source>Select a layer to export its step-through</source>
        <translation>请先选择一个层，再导出它的逐步演示</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n frame(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 帧到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New Pipeline</source>
        <translation>新建流水线(&amp;N)</translation>
    </message>
    <message>
        <source>An empty pipeline on the current input</source>
        <translation>基于当前输入的空流水线</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>New pipeline on the current input</source>
        <translation>已基于当前输入新建流水线</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::FrameworkDocks</name>
    <message>
        <source>Frameworks</source>
        <translation>框架对照</translation>
    </message>
    <message>
        <source>&amp;Frameworks (Keras and PyTorch)</source>
        <translation>框架对照（Keras 与 PyTorch）(&amp;F)</translation>
    </message>
    <message>
        <source>Solve for Size</source>
        <translation>尺寸反推</translation>
    </message>
    <message>
        <source>&amp;Solve for Size</source>
        <translation>尺寸反推(&amp;S)</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::FrameworkPanel</name>
    <message>
        <source>same result</source>
        <translation>结果相同</translation>
    </message>
    <message>
        <source>other values</source>
        <translation>数值不同</translation>
    </message>
    <message>
        <source>other shape</source>
        <translation>形状不同</translation>
    </message>
    <message>
        <source>cannot be written</source>
        <translation>无法写出</translation>
    </message>
    <message>
        <source>The layer in Keras (tensorflow.keras.layers), as a person writes it</source>
        <translation>该层在 Keras（tensorflow.keras.layers）中的写法，与手写代码一致</translation>
    </message>
    <message>
        <source>The layer in PyTorch (torch.nn, torch.nn.functional as F)</source>
        <translation>该层在 PyTorch（torch.nn、torch.nn.functional as F）中的写法</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>框架</translation>
    </message>
    <message>
        <source>Look-alike setting</source>
        <translation>看似等价的设置</translation>
    </message>
    <message>
        <source>Keras shape</source>
        <translation>Keras 形状</translation>
    </message>
    <message>
        <source>PyTorch shape</source>
        <translation>PyTorch 形状</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Selected layer</source>
        <translation>选中的层</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Look-alikes</source>
        <translation>看似等价的设置</translation>
    </message>
    <message>
        <source>Keras</source>
        <translation>Keras</translation>
    </message>
    <message>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <source>All layers</source>
        <translation>所有层</translation>
    </message>
    <message>
        <source>&lt;b&gt;Input&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;输入&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Select a layer to see how Keras and PyTorch write it.</source>
        <translation>选择一个层，查看它在 Keras 和 PyTorch 中的写法。</translation>
    </message>
    <message>
        <source>computes exactly this layer</source>
        <translation>与该层的计算完全一致</translation>
    </message>
    <message>
        <source>does not compute exactly this layer: see below</source>
        <translation>与该层的计算不完全一致：见下方</translation>
    </message>
    <message>
        <source>Keras and PyTorch write this layer alike; no setting that looks the same in the other framework gives another result.</source>
        <translation>Keras 和 PyTorch 对该层的写法一致；另一个框架中看似相同的设置都不会给出不同的结果。</translation>
    </message>
    <message>
        <source>Settings that look alike in the two frameworks give the same result here.</source>
        <translation>两个框架中看似等价的设置在这里给出相同的结果。</translation>
    </message>
    <message>
        <source>Careful: settings that look alike in the two frameworks give another shape or other values here.</source>
        <translation>注意：两个框架中看似等价的设置在这里会给出不同的形状或数值。</translation>
    </message>
    <message>
        <source>no difference</source>
        <translation>无差异</translation>
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
    <name>stridelab::ui::InversePanel</name>
    <message>
        <source>Wanted:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>Same size</source>
        <translation>尺寸不变</translation>
    </message>
    <message>
        <source>Half</source>
        <translation>减半</translation>
    </message>
    <message>
        <source>Double</source>
        <translation>加倍</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Half rounds up: ceil(n / 2), what stride 2 with &quot;same&quot; padding gives</source>
        <translation>减半时向上取整：ceil(n / 2)，即步幅 2 加 &quot;same&quot; 填充得到的尺寸</translation>
    </message>
    <message>
        <source>Wanted output height</source>
        <translation>目标输出高度</translation>
    </message>
    <message>
        <source>Wanted output width</source>
        <translation>目标输出宽度</translation>
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
        <source>Change, and what it gives</source>
        <translation>修改方式及其结果</translation>
    </message>
    <message>
        <source>Double-click a row, or press its Apply button, to change the layer (Ctrl+Z undoes it)</source>
        <translation>双击某一行或点击该行的“应用”按钮即可修改该层（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: input %2 x %3, output %4 x %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：输入 %2 x %3，输出 %4 x %5</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: input %2 x %3, no output: %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：输入 %2 x %3，无输出：%4</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Input&lt;/b&gt;</source>
        <translation>&lt;b&gt;输入&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select a layer to ask which settings give a wanted size.</source>
        <translation>选择一个层，查询哪些设置能得到目标尺寸。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Change the layer this way (Ctrl+Z undoes it)</source>
        <translation>按此方式修改该层（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <source>The layer already gives %1 x %2; other ways to get it, fewest changed keys first:</source>
        <translation>该层已经得到 %1 x %2；以下是得到该尺寸的其他方式，改动参数最少的排在前面：</translation>
    </message>
    <message numerus="yes">
        <source>%n way(s) to get %1 x %2, fewest changed keys first.</source>
        <translation>
            <numerusform>共有 %n 种方式得到 %1 x %2，改动参数最少的排在前面。</numerusform>
        </translation>
    </message>
    <message>
        <source>Solve %1 for %2 x %3</source>
        <translation>调整 %1 以得到 %2 x %3</translation>
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
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Step through</source>
        <translation>逐步演示</translation>
    </message>
    <message>
        <source>P&amp;anels</source>
        <translation>面板(&amp;A)</translation>
    </message>
    <message>
        <source>Cannot export the diagram</source>
        <translation>无法导出示意图</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
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
    <name>stridelab::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Before computing, StrideLab estimates the memory the feature maps need. Past this budget it stops and says so, instead of being stopped by the system; a larger image is offered downscaled. Keep it below the memory this computer has free.</source>
        <translation>计算之前，StrideLab 会估算特征图所需的内存。超过此预算时，它会停下并说明原因，而不是被系统强行终止；更大的图像会提议缩小后使用。请让它低于这台计算机的可用内存。</translation>
    </message>
    <message>
        <source>&amp;Memory budget for feature maps:</source>
        <translation>特征图内存预算(&amp;M)：</translation>
    </message>
    <message>
        <source>Pre&amp;ferences...</source>
        <translation>首选项(&amp;F)...</translation>
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
<context>
    <name>stridelab::ui::ShapeReadout</name>
    <message>
        <source>Shape %1   Keras %2</source>
        <translation>形状 %1   Keras %2</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>%1   Keras %2</source>
        <translation>%1   Keras %2</translation>
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
</context>
<context>
    <name>stridelab::ui::RecoveryStore</name>
    <message>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>StrideLab did not close normally last time, and its recovery file cannot be read:
%1</source>
        <translation>StrideLab 上次没有正常关闭，而且无法读取它的恢复文件：
%1</translation>
    </message>
    <message>
        <source>StrideLab did not close normally last time. The pipeline &quot;%1&quot; had unsaved changes, kept at %2.

Restore them?</source>
        <translation>StrideLab 上次没有正常关闭。流水线“%1”有未保存的更改，保存于 %2。

要恢复它们吗？</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <source>Restore unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::StepThroughWidget</name>
    <message>
        <source>Step back (Left)</source>
        <translation>上一步 (Left)</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>播放或暂停 (Space)</translation>
    </message>
    <message>
        <source>Step forward (Right)</source>
        <translation>下一步 (Right)</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>每秒帧数</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Select a layer to step through it</source>
        <translation>选择一个层，逐步演示它的计算过程</translation>
    </message>
    <message>
        <source>No step-through: %1</source>
        <translation>无法逐步演示：%1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Frame %1 of %2</source>
        <translation>第 %1 帧，共 %2 帧</translation>
    </message>
    <message>
        <source>%1 frames/s</source>
        <translation>%1 帧/秒</translation>
    </message>
</context>
<context>
    <name>stridelab::ui::TraceController</name>
    <message>
        <source>the input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Element (%1, %2) of the input.</source>
        <translation>输入的元素 (%1, %2)。</translation>
    </message>
    <message>
        <source>Element (%1, %2) of the input influences %3 elements of %4.</source>
        <translation>输入的元素 (%1, %2) 影响 %4 的 %3 个元素。</translation>
    </message>
    <message>
        <source>Element (%1, %2) of %3 depends on %4 elements of the input.</source>
        <translation>%3 的元素 (%1, %2) 依赖于输入的 %4 个元素。</translation>
    </message>
    <message>
        <source>Element (%1, %2) of %3 depends on %4 elements of the input and influences %5 elements of %6.</source>
        <translation>%3 的元素 (%1, %2) 依赖于输入的 %4 个元素，并影响 %6 的 %5 个元素。</translation>
    </message>
    <message>
        <source>Its windows read %1 padding cells (hatched).</source>
        <translation>其窗口读取了 %1 个填充格（斜线标出）。</translation>
    </message>
    <message>
        <source>Click outside the map to clear.</source>
        <translation>在特征图外单击可清除。</translation>
    </message>
</context>
</TS>
